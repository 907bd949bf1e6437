import type { Decision, StatementRef } from './decision';
import { decide } from './decision';
import { evaluatePolicy } from './evaluatePolicy';
import type { PrincipalRef } from './principalRef';
import { parsePrincipalRef } from './principalRef';
import type { PolicyDocument } from './policyTypes';
import type { ContextInput } from './requestContext';
import { requestContext } from './requestContext';
import { triOr } from './tri';

export interface TrustEvaluation {
  readonly decision: Decision;
  /**
   * `principal`: the trust policy names the principal (or `*`); `account`: it trusts the
   * principal's account, so that account's IAM policies decide who may assume the role.
   */
  readonly via: 'principal' | 'account' | 'none';
  readonly statements: readonly StatementRef[];
  readonly conditionalKeys: readonly string[];
}

/**
 * Does this role trust policy let `principalArnOrAccount` (a role/user/session ARN, an account
 * id or root ARN meaning "principals of that account", or a service principal) call `action`
 * (default `sts:AssumeRole`)? D9. Context keys beyond the principal's identity are unknown
 * unless given in `context`.
 */
export function evaluateTrustPolicy(
  trust: PolicyDocument,
  principalArnOrAccount: string,
  options: { readonly action?: string; readonly context?: ContextInput } = {},
): TrustEvaluation {
  if (trust.kind !== 'trust') throw new TypeError(`expected a trust policy, got a ${trust.kind} policy`);
  const principal: PrincipalRef = parsePrincipalRef(principalArnOrAccount, 'principalArnOrAccount');
  const derived: Record<string, ContextInput[string]> = {};
  if (principal.kind === 'service') {
    derived['aws:PrincipalIsAWSService'] = 'true';
    derived['aws:PrincipalServiceName'] = principal.service;
  } else {
    derived['aws:PrincipalAccount'] = principal.accountId;
    derived['aws:PrincipalIsAWSService'] = 'false';
    if (principal.kind === 'iam') derived['aws:PrincipalArn'] = principal.principalArn;
  }
  const context = requestContext({ ...derived, ...(options.context ?? {}) });
  const action = options.action ?? 'sts:AssumeRole';
  const e = evaluatePolicy(trust, { principal, action, resource: '*', context });
  const allowed = triOr(e.allowPrincipal, e.allowAccount);
  const decision = decide(e.deny, allowed);
  const via = e.allowPrincipal === 'yes' ? 'principal' : e.allowAccount === 'yes' ? 'account' : 'none';
  const refs = e.hits.map((h): StatementRef => ({
    policy: 'trust',
    index: h.statement.index,
    ...(h.statement.sid === undefined ? {} : { sid: h.statement.sid }),
    effect: h.statement.effect,
    applies: h.result,
  }));
  const statements =
    decision === 'explicitly-denied'
      ? refs.filter((r) => r.effect === 'Deny' && r.applies === 'yes')
      : decision === 'allowed'
        ? refs.filter((r) => r.effect === 'Allow')
        : refs;
  const conditionalKeys =
    decision === 'conditional' ? [...new Set(e.hits.flatMap((h) => h.unknownKeys))].sort() : [];
  return { decision, via: decision === 'allowed' ? via : 'none', statements, conditionalKeys };
}
