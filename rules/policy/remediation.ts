import type { JsonObject, JsonValue } from '../core/finding';
import type { KmsActionEvaluation } from './evaluateKmsRequest';
import type { OrganizationInfo } from './purposeContext';
import type { Purpose } from './purposes';

/** Who a proposed key-policy statement should name. */
export type RemediationPrincipal =
  | { readonly kind: 'arn'; readonly arn: string }
  | { readonly kind: 'organization'; readonly organization: OrganizationInfo }
  | { readonly kind: 'organizational-units'; readonly organization: OrganizationInfo };

export interface Remediation {
  readonly keyPolicyStatements: readonly JsonObject[];
  readonly identityPolicy: JsonObject | null;
}

const GRANT_ACTIONS = new Set(['kms:creategrant', 'kms:listgrants', 'kms:revokegrant']);

function principalAndCondition(p: RemediationPrincipal): { Principal: JsonValue; Condition?: JsonObject } {
  if (p.kind === 'arn') return { Principal: { AWS: p.arn } };
  if (p.kind === 'organization') {
    return { Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': p.organization.id } } };
  }
  return {
    Principal: '*',
    Condition: {
      'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': p.organization.paths.map((x) => `${x}*`) },
    },
  };
}

function mergeConditions(a: JsonObject | undefined, b: JsonObject | undefined): JsonObject | undefined {
  if (!a) return b;
  if (!b) return a;
  return { ...a, ...b };
}

function statement(
  sid: string,
  p: RemediationPrincipal,
  actions: readonly string[],
  grant: boolean,
): JsonObject {
  const { Principal, Condition } = principalAndCondition(p);
  const condition = mergeConditions(
    Condition,
    grant ? { Bool: { 'kms:GrantIsForAWSResource': 'true' } } : undefined,
  );
  return {
    Sid: sid,
    Effect: 'Allow',
    Principal,
    Action: [...actions],
    Resource: '*',
    ...(condition ? { Condition: condition } : {}),
  };
}

/**
 * The identity policy a role needs to use `keyArn` for `missingActions`, shaped like the seed
 * article's `KmsKeyUsagePolicy` (use actions in `AllowUseOfTheKey`, grant actions in
 * `AllowAttachmentOfPersistentResources` with `kms:GrantIsForAWSResource`); `null` when none is missing.
 */
export function identityRemediation(keyArn: string, missingActions: readonly string[]): JsonObject | null {
  if (missingActions.length === 0) return null;
  const use = missingActions.filter((a) => !GRANT_ACTIONS.has(a.toLowerCase()));
  const grant = missingActions.filter((a) => GRANT_ACTIONS.has(a.toLowerCase()));
  const statements: JsonObject[] = [];
  if (use.length > 0)
    statements.push({ Sid: 'AllowUseOfTheKey', Effect: 'Allow', Action: use, Resource: [keyArn] });
  if (grant.length > 0) {
    statements.push({
      Sid: 'AllowAttachmentOfPersistentResources',
      Effect: 'Allow',
      Action: grant,
      Resource: [keyArn],
      Condition: { Bool: { 'kms:GrantIsForAWSResource': true } },
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

/**
 * The minimal statements to add, shaped like the seed articles' examples: only for implicitly
 * denied actions, and only on the side (key policy, identity policy) that does not certainly
 * grant them; never for explicitly denied or conditional actions (reported, not papered over).
 */
export function buildRemediation(input: {
  readonly purpose: Purpose;
  readonly keyArn: string;
  readonly evaluations: readonly KmsActionEvaluation[];
  readonly keyPrincipal: RemediationPrincipal;
  /** True when the consumer is a role whose identity side must allow too. */
  readonly identityEvaluated: boolean;
  /** True when naming the principal in the key policy suffices without IAM (same account). */
  readonly sameAccount: boolean;
}): Remediation {
  const denied = input.evaluations.filter((e) => e.decision === 'implicitly-denied');
  const keyMissing = denied.filter((e) => e.keyPolicySide !== 'yes').map((e) => e.action);
  const identityMissing = input.identityEvaluated
    ? denied
        .filter((e) => e.identitySide !== 'yes')
        .filter((e) => !(input.sameAccount && input.keyPrincipal.kind === 'arn' && e.keyPolicySide !== 'yes'))
        .map((e) => e.action)
    : [];
  const keyPolicyStatements: JsonObject[] = [];
  if (input.purpose === 'imagebuilder-service') {
    if (keyMissing.length > 0) {
      keyPolicyStatements.push(
        statement(
          'Allow Image Builder service-linked role use of the key',
          input.keyPrincipal,
          keyMissing,
          false,
        ),
      );
    }
  } else {
    const use = keyMissing.filter((a) => !GRANT_ACTIONS.has(a.toLowerCase()));
    const grant = keyMissing.filter((a) => GRANT_ACTIONS.has(a.toLowerCase()));
    if (use.length > 0)
      keyPolicyStatements.push(statement('Allow use of the key', input.keyPrincipal, use, false));
    if (grant.length > 0) {
      keyPolicyStatements.push(
        statement('Allow attachment of persistent resources', input.keyPrincipal, grant, true),
      );
    }
  }
  const identityPolicy =
    input.purpose === 'imagebuilder-service' ? null : identityRemediation(input.keyArn, identityMissing);
  return { keyPolicyStatements, identityPolicy };
}
