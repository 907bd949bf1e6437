import type { PrincipalRef } from './principalRef';
import type { PrincipalEntry } from './policyTypes';

/**
 * How a policy's principal entry relates to the asking principal:
 * `principal` names it (or its role, for a session); `wildcard` is `*`; `account` names its
 * account (delegation to IAM, not access); `named` names some other principal of the asked
 * account (account-level questions only); `none` does not apply.
 */
export type PrincipalMatch = 'principal' | 'wildcard' | 'account' | 'named' | 'none';

const RANK: Record<PrincipalMatch, number> = { principal: 4, wildcard: 3, account: 2, named: 1, none: 0 };

/** Unique principal ids left in a policy after the named role or user was deleted (`AROA…`, `AIDA…`). */
export const UNIQUE_ID = /^A(RO|ID|IP|NP|NV|SC|KI|GP)A[A-Z0-9]{12,}$/;

const ROOT = /^arn:[a-z-]+:iam::(\d{12}):root$/;
const ROLE = /^arn:[a-z-]+:iam::(\d{12}):role\/(?:[^/]+\/)*([^/]+)$/;
const SESSION = /^arn:[a-z-]+:sts::(\d{12}):assumed-role\/([^/]+)\/([^/]+)$/;
const ANY_ARN_ACCOUNT = /^arn:[a-z-]+:(?:iam|sts)::(\d{12}):/;

/** The match of one entry. */
export function matchPrincipalEntry(entry: PrincipalEntry, ref: PrincipalRef): PrincipalMatch {
  if (entry.type === '*' || (entry.type === 'AWS' && entry.value === '*')) return 'wildcard';
  if (entry.type === 'Service') {
    return ref.kind === 'service' && ref.service === entry.value ? 'principal' : 'none';
  }
  if (entry.type !== 'AWS' || ref.kind === 'service') return 'none';
  const value = entry.value;
  if (UNIQUE_ID.test(value)) return 'none';
  const accountOf = /^\d{12}$/.test(value) ? value : ROOT.exec(value)?.[1];
  if (accountOf !== undefined) return accountOf === ref.accountId ? 'account' : 'none';
  if (ref.kind === 'account') {
    return ANY_ARN_ACCOUNT.exec(value)?.[1] === ref.accountId ? 'named' : 'none';
  }
  if (value === ref.arn) return 'principal';
  const role = ROLE.exec(value);
  if (role && (ref.type === 'assumed-role' || ref.type === 'role')) {
    return role[1] === ref.accountId && role[2] === ref.name ? 'principal' : 'none';
  }
  return 'none';
}

/** The strongest match among a `Principal` list. */
export function matchPrincipal(entries: readonly PrincipalEntry[], ref: PrincipalRef): PrincipalMatch {
  let best: PrincipalMatch = 'none';
  for (const entry of entries) {
    const m = matchPrincipalEntry(entry, ref);
    if (RANK[m] > RANK[best]) best = m;
  }
  return best;
}

/**
 * `NotPrincipal`: the statement applies unless an entry names the principal, its role or its
 * account (as iam-simulate does). For account-level questions, entries naming some principals of
 * the account exempt only those, so the statement still applies to the account's other principals.
 */
export function matchNotPrincipal(entries: readonly PrincipalEntry[], ref: PrincipalRef): PrincipalMatch {
  const exempt = entries.some((e) => {
    const m = matchPrincipalEntry(e, ref);
    return m === 'principal' || m === 'wildcard' || m === 'account';
  });
  return exempt ? 'none' : 'wildcard';
}

export { SESSION as SESSION_ARN_PATTERN };
