import type { Decision, StatementRef } from './decision';
import { decide } from './decision';
import { evaluatePolicy } from './evaluatePolicy';
import type { PolicyDocument } from './policyTypes';
import type { RequestContext } from './requestContext';
import { requestContext } from './requestContext';
import { triOr } from './tri';

export interface IdentityEvaluation {
  readonly decision: Decision;
  readonly statements: readonly StatementRef[];
  readonly conditionalKeys: readonly string[];
}

const NOBODY = { kind: 'account', accountId: '000000000000' } as const;

/**
 * Do these identity policies (together) allow `action` on `resource`? Answers for any action
 * (e.g. `ec2:RunInstances` for L3, `kms:Decrypt` on a key for D11). Resource policies, SCPs and
 * boundaries are not considered here.
 */
export function evaluateIdentityPolicies(
  policies: readonly PolicyDocument[],
  action: string,
  resource: string,
  context: RequestContext = requestContext({}),
): IdentityEvaluation {
  const evals = policies.map((p) => {
    if (p.kind !== 'identity') throw new TypeError(`expected identity policies, got a ${p.kind} policy`);
    return evaluatePolicy(p, { principal: NOBODY, action, resource, context });
  });
  const deny = triOr('no', ...evals.map((e) => e.deny));
  const allow = triOr('no', ...evals.map((e) => e.allowPrincipal));
  const decision = decide(deny, allow);
  const refs = evals.flatMap((e, policyIndex) =>
    e.hits.map((h): StatementRef => ({
      policy: 'identity',
      policyIndex,
      index: h.statement.index,
      ...(h.statement.sid === undefined ? {} : { sid: h.statement.sid }),
      effect: h.statement.effect,
      applies: h.result,
    })),
  );
  const statements =
    decision === 'explicitly-denied'
      ? refs.filter((r) => r.effect === 'Deny' && r.applies === 'yes')
      : decision === 'allowed'
        ? refs.filter((r) => r.effect === 'Allow')
        : refs;
  const conditionalKeys =
    decision === 'conditional'
      ? [...new Set(evals.flatMap((e) => e.hits.flatMap((h) => h.unknownKeys)))].sort()
      : [];
  return { decision, statements, conditionalKeys };
}
