import { evaluateConditions } from './evaluateConditions';
import { anyMatches } from './compiledStatement';
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

function resourceMatches(statement: PolicyStatement, resource: string): boolean {
  const c = statement.compiled;
  if (c.resource) return anyMatches(c.resource, resource);
  if (c.notResource) return !anyMatches(c.notResource, resource);
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
    const c = statement.compiled;
    if (c.action && !anyMatches(c.action, actionLower)) continue;
    if (c.notAction && anyMatches(c.notAction, actionLower)) continue;
    if (!resourceMatches(statement, request.resource)) continue;
    let principalMatch: PrincipalMatch = 'principal';
    if (policy.kind !== 'identity') {
      if (c.principal) principalMatch = matchPrincipal(c.principal, request.principal);
      else if (c.notPrincipal) principalMatch = matchNotPrincipal(c.notPrincipal, request.principal);
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
