import { InvalidInputError } from '../core/errors';
import type { Decision, StatementRef } from './decision';
import type { KmsActionEvaluation } from './evaluateKmsRequest';
import { evaluateKmsRequest } from './evaluateKmsRequest';
import { explainDecision } from './explainDecision';
import { findUniqueIdPrincipals } from './findUniqueIdPrincipals';
import { findNamedPrincipals } from './namedPrincipals';
import type { KmsGrant } from './grants';
import { parseKeyArn } from './kmsActions';
import { parsePolicyDocument } from './parsePolicyDocument';
import type { PrincipalRef } from './principalRef';
import { parsePrincipalRef } from './principalRef';
import type { PolicyDocument } from './policyTypes';
import type { OrganizationInfo } from './purposeContext';
import { purposeContext } from './purposeContext';
import type { Purpose } from './purposes';
import { IMAGE_BUILDER_SLR_POLICY, imageBuilderServiceRoleArn, PURPOSES } from './purposes';
import type { Remediation, RemediationPrincipal } from './remediation';
import { buildRemediation } from './remediation';
import type { Tri } from './tri';

export type KeyAccessConsumer =
  | { readonly kind: 'account'; readonly accountId: string }
  | { readonly kind: 'role'; readonly roleArn: string; readonly identityPolicies: readonly PolicyDocument[] };

export interface KeyAccessInput {
  readonly keyArn: string;
  readonly keyPolicy: PolicyDocument;
  readonly consumer: KeyAccessConsumer;
  readonly purpose: Purpose;
  /** The consumer's organization id and OU paths (`o-abc/r-root/ou-x/`); unknown when absent. */
  readonly organization?: OrganizationInfo;
  /** The key's grants (ListGrants), used when supplied. */
  readonly grants?: readonly KmsGrant[];
  /**
   * Whom proposed key-policy statements name: the consumer (default), or everyone in the
   * organization / the OUs (`Principal "*"` + `aws:PrincipalOrgID` / `aws:PrincipalOrgPaths`).
   */
  readonly shareScope?: 'consumer' | 'organization' | 'organizational-units';
}

export interface KeyAccessActionResult {
  readonly action: string;
  readonly decision: Decision;
  readonly statements: readonly StatementRef[];
}

export interface KeyAccessTraceEntry {
  readonly action: string;
  readonly decision: Decision;
  readonly principal: string;
  readonly keyPolicySide: Tri;
  readonly identitySide: Tri | 'not-evaluated';
  readonly statements: readonly StatementRef[];
  readonly explicitDenies: readonly StatementRef[];
  readonly conditionalKeys: readonly string[];
  readonly notes: readonly string[];
  /** The request context the engine assumed (`null` = known absent); keys not listed were unknown. */
  readonly context: Readonly<Record<string, readonly string[] | null>>;
}

export interface KeyAccessResult {
  readonly decision: 'allowed' | 'denied' | 'conditional';
  readonly actions: readonly KeyAccessActionResult[];
  /** Actions not allowed (implicitly or explicitly denied). */
  readonly missing: readonly string[];
  readonly remediation: Remediation;
  readonly explanation: string;
  readonly trace: readonly KeyAccessTraceEntry[];
  readonly uniqueIdPrincipals: readonly string[];
  /**
   * Account consumers only (empty otherwise): the account's roles, users or sessions that the key
   * policy names by ARN and lets use the key for every action of the purpose (key-policy side,
   * each judged as itself, so an explicit Deny on it leaves it out; unique ids name nobody). When
   * the account is denied but this is not empty, the owner limited use to these principals.
   */
  readonly namedPrincipals: readonly string[];
  readonly explicitDenies: readonly {
    readonly action: string;
    readonly statements: readonly StatementRef[];
  }[];
  readonly conditionalKeys: readonly string[];
}

let slrPolicy: PolicyDocument | undefined;
function imageBuilderSlrPolicy(): PolicyDocument {
  slrPolicy ??= parsePolicyDocument(IMAGE_BUILDER_SLR_POLICY, 'identity');
  return slrPolicy;
}

function principalLabel(p: PrincipalRef): string {
  if (p.kind === 'account') return p.accountId;
  return p.kind === 'iam' ? p.arn : p.service;
}

/**
 * Can this consumer use this key for this purpose? With an account consumer, judges the
 * key-policy side only; with a role, the key policy and (across accounts, or via delegation)
 * its identity policies. Pure: no I/O.
 */
export function checkKeyAccess(input: KeyAccessInput): KeyAccessResult {
  const key = parseKeyArn(input.keyArn);
  if (!key)
    throw new InvalidInputError(
      'keyArn',
      `"${input.keyArn}" is not a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)`,
    );
  if (input.keyPolicy.kind !== 'key')
    throw new InvalidInputError('keyPolicy', `expected a key policy, got a ${input.keyPolicy.kind} policy`);
  const spec = PURPOSES[input.purpose];
  if (!spec) throw new InvalidInputError('purpose', `unknown purpose "${String(input.purpose)}"`);
  const { principal, identityPolicies } = resolvePrincipal(input, key.partition);
  const evaluations: KmsActionEvaluation[] = [];
  const trace: KeyAccessTraceEntry[] = [];
  for (const action of spec.actions) {
    const context = purposeContext(
      input.purpose,
      action,
      principal,
      key.region,
      key.accountId,
      input.organization,
    );
    const evaluation = evaluateKmsRequest({
      keyArn: input.keyArn,
      keyAccountId: key.accountId,
      keyPolicy: input.keyPolicy,
      principal,
      action,
      context,
      ...(identityPolicies ? { identityPolicies } : {}),
      ...(input.grants ? { grants: input.grants } : {}),
    });
    evaluations.push(evaluation);
    trace.push({
      action,
      decision: evaluation.decision,
      principal: principalLabel(principal),
      keyPolicySide: evaluation.keyPolicySide,
      identitySide: evaluation.identitySide ?? 'not-evaluated',
      statements: evaluation.statements,
      explicitDenies: evaluation.explicitDenies,
      conditionalKeys: evaluation.conditionalKeys,
      notes: evaluation.notes,
      context: Object.fromEntries(context.values),
    });
  }
  const uniqueIdPrincipals = findUniqueIdPrincipals(input.keyPolicy);
  const missing = evaluations
    .filter((e) => e.decision === 'implicitly-denied' || e.decision === 'explicitly-denied')
    .map((e) => e.action);
  const decision =
    missing.length > 0
      ? 'denied'
      : evaluations.some((e) => e.decision === 'conditional')
        ? 'conditional'
        : 'allowed';
  const remediation = buildRemediation({
    purpose: input.purpose,
    keyArn: input.keyArn,
    evaluations,
    keyPrincipal: remediationPrincipal(input, principal),
    identityEvaluated: identityPolicies !== undefined,
    sameAccount: principal.kind !== 'service' && principal.accountId === key.accountId,
  });
  const consumerLabel = input.consumer.kind === 'account' ? input.consumer.accountId : input.consumer.roleArn;
  const namedPrincipals =
    input.consumer.kind === 'account' && principal.kind === 'account'
      ? findNamedPrincipals({
          keyArn: input.keyArn,
          keyAccountId: key.accountId,
          keyRegion: key.region,
          keyPolicy: input.keyPolicy,
          accountId: principal.accountId,
          purpose: input.purpose,
          ...(input.organization ? { organization: input.organization } : {}),
          ...(input.grants ? { grants: input.grants } : {}),
        })
      : [];
  return {
    decision,
    actions: evaluations.map((e) => ({ action: e.action, decision: e.decision, statements: e.statements })),
    missing,
    remediation,
    explanation: explainDecision({
      consumer: input.purpose === 'imagebuilder-service' ? principalLabel(principal) : consumerLabel,
      keyArn: input.keyArn,
      purpose: input.purpose,
      evaluations,
      uniqueIdPrincipals,
    }),
    trace,
    uniqueIdPrincipals,
    namedPrincipals,
    explicitDenies: evaluations
      .filter((e) => e.explicitDenies.length > 0)
      .map((e) => ({ action: e.action, statements: e.explicitDenies })),
    conditionalKeys: [...new Set(evaluations.flatMap((e) => e.conditionalKeys))].sort(),
  };
}

function resolvePrincipal(
  input: KeyAccessInput,
  partition: string,
): { principal: PrincipalRef; identityPolicies: readonly PolicyDocument[] | undefined } {
  const c = input.consumer;
  if (c.kind === 'account') {
    if (!/^\d{12}$/.test(c.accountId))
      throw new InvalidInputError('consumer.accountId', `"${c.accountId}" is not a 12-digit account id`);
    if (input.purpose === 'imagebuilder-service') {
      return {
        principal: parsePrincipalRef(imageBuilderServiceRoleArn(c.accountId, partition)),
        identityPolicies: [imageBuilderSlrPolicy()],
      };
    }
    return { principal: { kind: 'account', accountId: c.accountId }, identityPolicies: undefined };
  }
  const principal = parsePrincipalRef(c.roleArn, 'consumer.roleArn');
  if (principal.kind !== 'iam' || principal.type === 'user') {
    throw new InvalidInputError('consumer.roleArn', `"${c.roleArn}" is not an IAM role or assumed-role ARN`);
  }
  c.identityPolicies.forEach((p, i) => {
    if (p.kind !== 'identity')
      throw new InvalidInputError(
        `consumer.identityPolicies[${i}]`,
        `expected an identity policy, got a ${p.kind} policy`,
      );
  });
  const identityPolicies =
    input.purpose === 'imagebuilder-service'
      ? [imageBuilderSlrPolicy(), ...c.identityPolicies]
      : c.identityPolicies;
  return { principal, identityPolicies };
}

function remediationPrincipal(input: KeyAccessInput, principal: PrincipalRef): RemediationPrincipal {
  const scope = input.shareScope ?? 'consumer';
  if (scope !== 'consumer') {
    if (!input.organization)
      throw new InvalidInputError(
        'organization',
        `shareScope "${scope}" needs the organization id and paths`,
      );
    if (scope === 'organizational-units' && input.organization.paths.length === 0) {
      throw new InvalidInputError(
        'organization.paths',
        'shareScope "organizational-units" needs at least one OU path',
      );
    }
    return { kind: scope, organization: input.organization };
  }
  if (principal.kind === 'iam')
    return { kind: 'arn', arn: principal.type === 'assumed-role' ? principal.principalArn : principal.arn };
  if (principal.kind === 'account') return { kind: 'arn', arn: `arn:aws:iam::${principal.accountId}:root` };
  throw new InvalidInputError('consumer', 'a service principal cannot be named as a consumer');
}
