import type { JsonObject, Reason } from '../core/finding';
import type { ScenarioId } from '../core/ruleMetadata';
import { findKey, findOrganizationAccount, parseKmsArn } from '../inventory/lookup';
import type { Inventory, Role } from '../inventory/model';
import type { OrganizationInfo, PolicyDocument } from '../policy';
import {
  checkKeyAccess,
  evaluateIdentityPolicies,
  identityRemediation,
  parsePrincipalRef,
  PURPOSES,
  purposeContext,
} from '../policy';
import { keyPolicyOf } from '../shared-ami-key-grants-consumers/keyPolicyOf';
import { keyUnusable, shortKey } from '../shared-ami-uses-customer-managed-key/keyUsability';
import type { ForeignImageKey } from './foreignImageKeys';

const GRANT_ACTIONS = new Set(['kms:creategrant', 'kms:listgrants', 'kms:revokegrant']);

/** One role's verdict on one foreign key. */
export interface RoleKeyVerdict {
  readonly ok: boolean;
  readonly scenarios: readonly ScenarioId[];
  readonly reasons: readonly Reason[];
  readonly missingActions: readonly string[];
  /** Identity-policy statements to add for this key (the article's KmsKeyUsagePolicy). */
  readonly identityStatements: readonly JsonObject[];
  /** Key-policy statements the key owner must add. */
  readonly keyPolicyStatements: readonly JsonObject[];
}

function organizationOf(inventory: Inventory, accountId: string): OrganizationInfo | undefined {
  const org = inventory.organization;
  const member = findOrganizationAccount(inventory, accountId);
  return org && org.status === 'known' && member ? { id: org.value.id, paths: [member.ouPath] } : undefined;
}

/** Identity statements shaped like the article's KmsKeyUsagePolicy (the engine's shape), for the missing actions on a key. */
export function kmsKeyUsageStatements(keyArn: string, missing: readonly string[]): JsonObject[] {
  const policy = identityRemediation(keyArn, missing);
  return policy && Array.isArray(policy['Statement']) ? (policy['Statement'] as JsonObject[]) : [];
}

function shortList(actions: readonly string[]): string {
  const names = actions.map((a) => a.replace(/^kms:/, ''));
  return names.length > 2 ? `${names.slice(0, 2).join(', ')} +${names.length - 2} more` : names.join(', ');
}

/**
 * The identity side alone, when the key policy cannot be read from here: the engine evaluates the
 * role's identity policies for each launch action on the key ARN, in the launch request context.
 */
function identitySideOnly(
  role: Role,
  policies: readonly PolicyDocument[],
  key: ForeignImageKey,
  organization: OrganizationInfo | undefined,
): string[] {
  const arn = parseKmsArn(key.keyArn);
  const principal = parsePrincipalRef(role.arn);
  return PURPOSES.launch.actions.filter((action) => {
    const context = purposeContext(
      'launch',
      action,
      principal,
      arn?.region ?? '',
      arn?.accountId ?? '',
      organization,
    );
    return evaluateIdentityPolicies(policies, action, key.keyArn, context).decision !== 'allowed';
  });
}

/**
 * L3 (and the key side, L1/L2/G2, where the key's owner was read): may this role launch AMIs
 * encrypted with this foreign key? Through the policy engine (purpose `launch`, role consumer).
 */
export function judgeRoleKey(
  inventory: Inventory,
  role: Role,
  policies: readonly PolicyDocument[],
  key: ForeignImageKey,
  accountId: string,
): RoleKeyVerdict {
  const ami = key.imageIds[0] ?? 'a shared AMI';
  const via = `${ami}${key.imageIds.length > 1 ? ` +${key.imageIds.length - 1}` : ''}`;
  const organization = organizationOf(inventory, accountId);
  const found = findKey(inventory, key.keyArn);
  const keyFacts = found.status === 'known' ? found.value : undefined;
  const policy = keyFacts ? keyPolicyOf(keyFacts) : undefined;
  if (!keyFacts || !policy || policy.status === 'problem') {
    const missing = identitySideOnly(role, policies, key, organization);
    const note: Reason = {
      code: 'KEY_POLICY_NOT_JUDGED',
      message: `Policy of foreign key ${shortKey(key.keyArn)} not readable here: only ${role.roleName}'s IAM side judged.`,
    };
    if (missing.length === 0) {
      return {
        ok: true,
        scenarios: [],
        reasons: [note],
        missingActions: [],
        identityStatements: [],
        keyPolicyStatements: [],
      };
    }
    return {
      ok: false,
      scenarios: ['L3'],
      reasons: [
        {
          code: 'ROLE_MISSING_KEY_PERMISSIONS',
          message: `Role ${role.roleName} lacks ${shortList(missing)} on foreign key ${shortKey(key.keyArn)} (${via}).`,
          scenarios: ['L3'],
        },
        note,
      ],
      missingActions: missing,
      identityStatements: kmsKeyUsageStatements(key.keyArn, missing),
      keyPolicyStatements: [],
    };
  }
  const unusable = keyUnusable(keyFacts, via);
  if (unusable) {
    return {
      ok: false,
      scenarios: unusable.reason.scenarios ?? [],
      reasons: [unusable.reason],
      missingActions: [],
      identityStatements: [],
      keyPolicyStatements: [],
    };
  }
  const result = checkKeyAccess({
    keyArn: keyFacts.arn,
    keyPolicy: policy.policy,
    consumer: { kind: 'role', roleArn: role.arn, identityPolicies: policies },
    purpose: 'launch',
    ...(organization ? { organization } : {}),
    ...(keyFacts.grants?.status === 'known' ? { grants: keyFacts.grants.value } : {}),
  });
  if (result.decision === 'allowed') {
    return {
      ok: true,
      scenarios: [],
      reasons: [],
      missingActions: [],
      identityStatements: [],
      keyPolicyStatements: [],
    };
  }
  const identity = result.remediation.identityPolicy;
  const identityStatements =
    identity && Array.isArray(identity['Statement']) ? (identity['Statement'] as JsonObject[]) : [];
  const keyPolicyStatements = result.remediation.keyPolicyStatements;
  const scenarios: ScenarioId[] = [];
  if (identityStatements.length > 0) scenarios.push('L3');
  const keyMissing = keyPolicyStatements.flatMap((s) =>
    Array.isArray(s['Action']) ? (s['Action'] as string[]) : [],
  );
  if (keyMissing.some((a) => !GRANT_ACTIONS.has(a.toLowerCase()))) scenarios.push('L1');
  if (keyMissing.some((a) => GRANT_ACTIONS.has(a.toLowerCase()))) scenarios.push('L2');
  if (result.uniqueIdPrincipals.length > 0) scenarios.push('G3');
  if (scenarios.length === 0) scenarios.push('L3');
  const missing =
    result.decision === 'conditional'
      ? result.actions.filter((a) => a.decision === 'conditional').map((a) => a.action)
      : result.missing;
  const message =
    result.decision === 'conditional'
      ? `Whether role ${role.roleName} may use key ${shortKey(key.keyArn)} (${via}) depends on ${result.conditionalKeys.join(', ')}.`
      : identityStatements.length > 0
        ? `Role ${role.roleName} lacks ${shortList(missing)} on foreign key ${shortKey(key.keyArn)} (${via}).`
        : `Key ${shortKey(key.keyArn)} (${via}) does not let role ${role.roleName} use ${shortList(missing)}.`;
  return {
    ok: false,
    scenarios,
    reasons: [
      {
        code:
          result.decision === 'conditional'
            ? 'KEY_ACCESS_UNDECIDABLE'
            : identityStatements.length > 0
              ? 'ROLE_MISSING_KEY_PERMISSIONS'
              : 'KEY_POLICY_MISSING_CONSUMER',
        message: message.slice(0, 160),
        scenarios,
      },
    ],
    missingActions: missing,
    identityStatements,
    keyPolicyStatements,
  };
}
