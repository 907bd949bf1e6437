import { evaluateConditions } from './evaluateConditions';
import { globMatches } from './glob';
import type { PrincipalMatch } from './matchPrincipal';
import { matchNotPrincipal, matchPrincipal } from './matchPrincipal';
import type { PrincipalRef } from './principalRef';
import type { PolicyDocument, PolicyStatement } from './policyTypes';
import type { RequestContext } from './requestContext';
import type { Tri } from './tri';
import { triOr } from './tri';

/** One request against one policy. `principal` is ignored for identity policies. */
export interface PolicyRequest {
  readonly principal: PrincipalRef;
  /** e.g. `kms:Decrypt` (case-insensitive). */
  readonly action: string;
  readonly resource: string;
  readonly context: RequestContext;
}

/** A statement that applied (`yes`) or might apply (`unknown`), and how its principal matched. */
export interface StatementHit {
  readonly statement: PolicyStatement;
  readonly result: Exclude<Tri, 'no'>;
  readonly principalMatch: PrincipalMatch;
  readonly unknownKeys: readonly string[];
}

export interface PolicyEvaluation {
  /** Some Deny statement applies. */
  readonly deny: Tri;
  /** Some Allow statement names the principal (or its role) or `*`. For identity policies: any Allow. */
  readonly allowPrincipal: Tri;
  /** Some Allow statement names the principal's account (delegation to IAM). */
  readonly allowAccount: Tri;
  readonly hits: readonly StatementHit[];
  /** Allow statements naming only other principals of the asked account (account-level questions). */
  readonly namedOnly: readonly StatementHit[];
}

export function actionMatches(patterns: readonly string[], actionLower: string): boolean {
  return patterns.some((p) => globMatches(p, actionLower));
}

function resourceMatches(statement: PolicyStatement, resource: string): boolean {
  if (statement.resource) return statement.resource.some((p) => globMatches(p, resource));
  if (statement.notResource) return !statement.notResource.some((p) => globMatches(p, resource));
  return true;
}

/** Evaluates every statement of one policy for one request (pure, no I/O). */
export function evaluatePolicy(policy: PolicyDocument, request: PolicyRequest): PolicyEvaluation {
  const actionLower = request.action.toLowerCase();
  const hits: StatementHit[] = [];
  const namedOnly: StatementHit[] = [];
  let deny: Tri = 'no';
  let allowPrincipal: Tri = 'no';
  let allowAccount: Tri = 'no';
  for (const statement of policy.statements) {
    if (statement.action && !actionMatches(statement.action, actionLower)) continue;
    if (statement.notAction && actionMatches(statement.notAction, actionLower)) continue;
    if (!resourceMatches(statement, request.resource)) continue;
    let principalMatch: PrincipalMatch = 'principal';
    if (policy.kind !== 'identity') {
      if (statement.principal) principalMatch = matchPrincipal(statement.principal, request.principal);
      else if (statement.notPrincipal)
        principalMatch = matchNotPrincipal(statement.notPrincipal, request.principal);
      if (principalMatch === 'none') continue;
    }
    const conditions = evaluateConditions(statement.conditions, request.context);
    if (conditions.result === 'no') continue;
    const hit: StatementHit = {
      statement,
      result: conditions.result,
      principalMatch,
      unknownKeys: conditions.unknownKeys,
    };
    if (principalMatch === 'named') {
      if (statement.effect === 'Allow') namedOnly.push(hit);
      continue;
    }
    hits.push(hit);
    if (statement.effect === 'Deny') deny = triOr(deny, conditions.result);
    else if (principalMatch === 'account') allowAccount = triOr(allowAccount, conditions.result);
    else allowPrincipal = triOr(allowPrincipal, conditions.result);
  }
  return { deny, allowPrincipal, allowAccount, hits, namedOnly };
}
