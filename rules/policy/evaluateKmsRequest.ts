import type { Decision, StatementRef } from './decision';
import { decide } from './decision';
import type { PolicyEvaluation, StatementHit } from './evaluatePolicy';
import { evaluatePolicy } from './evaluatePolicy';
import type { KmsGrant } from './grants';
import { grantAllows } from './grants';
import { CROSS_ACCOUNT_KMS_ACTIONS } from './kmsActions';
import type { PrincipalRef } from './principalRef';
import type { PolicyDocument } from './policyTypes';
import type { RequestContext } from './requestContext';
import type { Tri } from './tri';
import { triAnd, triOr } from './tri';

export interface KmsRequest {
  readonly keyArn: string;
  readonly keyAccountId: string;
  readonly keyPolicy: PolicyDocument;
  readonly principal: PrincipalRef;
  readonly action: string;
  readonly context: RequestContext;
  /**
   * The principal's identity policies. `undefined` asks the key-policy side only (account-level
   * question: can principals of this account be allowed?).
   */
  readonly identityPolicies?: readonly PolicyDocument[];
  readonly grants?: readonly KmsGrant[];
}

/** One action's verdict and what decided it. */
export interface KmsActionEvaluation {
  readonly action: string;
  readonly decision: Decision;
  /** The statements that decided (allows for `allowed`, denies for `explicitly-denied`, all possibly-applying ones for `conditional`). */
  readonly statements: readonly StatementRef[];
  readonly explicitDenies: readonly StatementRef[];
  /** Condition keys the engine could not decide. */
  readonly conditionalKeys: readonly string[];
  /** Key-policy side: does it let the principal (`principal`), its account by delegation (`account`), or neither? */
  readonly keyPolicySide: Tri;
  /** Identity side (undefined for account-level questions). */
  readonly identitySide: Tri | undefined;
  /** Human-readable facts gathered on the way (for the trace). */
  readonly notes: readonly string[];
}

function refOf(hit: StatementHit, policy: 'key' | 'identity', policyIndex?: number): StatementRef {
  const ref: { -readonly [K in keyof StatementRef]: StatementRef[K] } = {
    policy,
    index: hit.statement.index,
    effect: hit.statement.effect,
    applies: hit.result,
  };
  if (policyIndex !== undefined) ref.policyIndex = policyIndex;
  if (hit.statement.sid !== undefined) ref.sid = hit.statement.sid;
  return ref;
}

/**
 * KMS authorization as documented: the key policy is the gatekeeper; an account principal only
 * delegates to IAM (even in the key's own account); a principal named directly (or `*`) is
 * allowed in the key's account without IAM, but across accounts also needs an identity-policy
 * allow; grants are a third path; any explicit Deny wins.
 */
export function evaluateKmsRequest(request: KmsRequest): KmsActionEvaluation {
  const { principal, action, keyArn } = request;
  const actionLower = action.toLowerCase();
  const principalAccount = principal.kind === 'service' ? undefined : principal.accountId;
  const sameAccount = principalAccount === request.keyAccountId;
  const notes: string[] = [];
  const key = evaluatePolicy(request.keyPolicy, {
    principal,
    action,
    resource: keyArn,
    context: request.context,
  });
  const allHits: { hit: StatementHit; ref: StatementRef }[] = [];
  for (const hit of key.hits) allHits.push({ hit, ref: refOf(hit, 'key') });
  let identityDeny: Tri = 'no';
  let identityAllow: Tri = 'no';
  const identityPolicies = request.identityPolicies ?? [];
  for (let policyIndex = 0; policyIndex < identityPolicies.length; policyIndex += 1) {
    const e: PolicyEvaluation = evaluatePolicy(identityPolicies[policyIndex] as PolicyDocument, {
      principal,
      action,
      resource: keyArn,
      context: request.context,
    });
    identityDeny = triOr(identityDeny, e.deny);
    identityAllow = triOr(identityAllow, e.allowPrincipal);
    for (const hit of e.hits) allHits.push({ hit, ref: refOf(hit, 'identity', policyIndex) });
  }
  const deny = triOr(key.deny, identityDeny);

  const grantHits: StatementRef[] = [];
  let grantAllow: Tri = 'no';
  (request.grants ?? []).forEach((g, index) => {
    const r = grantAllows(g, principal, action);
    if (r !== 'no') {
      grantAllow = triOr(grantAllow, r);
      grantHits.push({
        policy: 'grant',
        index,
        ...(g.grantId ? { sid: g.grantId } : {}),
        effect: 'Allow',
        applies: r,
      });
    }
  });

  let allowed: Tri;
  let keyPolicySide: Tri;
  let identitySide: Tri | undefined;
  if (request.identityPolicies === undefined) {
    keyPolicySide = triOr(key.allowPrincipal, key.allowAccount);
    allowed = triOr(keyPolicySide, grantAllow);
    if (key.namedOnly.length > 0) {
      notes.push(
        `statements ${key.namedOnly.map((h) => h.statement.sid ?? `#${h.statement.index}`).join(', ')} allow only named principals of account ${principalAccount ?? '?'}, not the account`,
      );
    }
  } else {
    identitySide = identityAllow;
    const direct = sameAccount ? key.allowPrincipal : triAnd(key.allowPrincipal, identityAllow);
    const delegated = triAnd(key.allowAccount, identityAllow);
    keyPolicySide = triOr(key.allowPrincipal, key.allowAccount);
    allowed = triOr(direct, delegated, grantAllow);
  }
  if (!sameAccount && !CROSS_ACCOUNT_KMS_ACTIONS.has(actionLower) && actionLower.startsWith('kms:')) {
    allowed = 'no';
    notes.push(`${action} cannot be allowed across accounts`);
  }
  const decision = decide(deny, allowed);
  const explicitDenies = allHits.filter((h) => h.hit.statement.effect === 'Deny').map((h) => h.ref);
  let statements: StatementRef[];
  if (decision === 'explicitly-denied') statements = explicitDenies.filter((r) => r.applies === 'yes');
  else if (decision === 'allowed') {
    statements = [
      ...allHits.filter((h) => h.hit.statement.effect === 'Allow').map((h) => h.ref),
      ...grantHits,
    ];
  } else statements = [...allHits.map((h) => h.ref), ...grantHits];
  const conditionalKeys =
    decision === 'conditional' ? [...new Set(allHits.flatMap((h) => h.hit.unknownKeys))].sort() : [];
  return {
    action,
    decision,
    statements,
    explicitDenies,
    conditionalKeys,
    keyPolicySide,
    identitySide,
    notes,
  };
}
