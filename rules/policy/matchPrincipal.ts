import type { CompiledPrincipal } from './compiledStatement';
import type { PrincipalRef } from './principalRef';

/**
 * How a policy's principal entry relates to the asking principal:
 * `principal` names it (or its role, for a session); `wildcard` is `*`; `account` names its
 * account (delegation to IAM, not access); `named` names some other principal of the asked
 * account (account-level questions only); `none` does not apply. Unique ids match nothing.
 */
export type PrincipalMatch = 'principal' | 'wildcard' | 'account' | 'named' | 'none';

const RANK: Record<PrincipalMatch, number> = { principal: 4, wildcard: 3, account: 2, named: 1, none: 0 };

export { UNIQUE_ID } from './compiledStatement';

/** The match of one (compiled) entry. */
export function matchPrincipalEntry(entry: CompiledPrincipal, ref: PrincipalRef): PrincipalMatch {
  switch (entry.form) {
    case 'wildcard':
      return 'wildcard';
    case 'service':
      return ref.kind === 'service' && ref.service === entry.value ? 'principal' : 'none';
    case 'unique-id':
    case 'other':
      return 'none';
    case 'account':
      return ref.kind !== 'service' && entry.accountId === ref.accountId ? 'account' : 'none';
    case 'role':
      if (ref.kind === 'account') return entry.accountId === ref.accountId ? 'named' : 'none';
      if (ref.kind !== 'iam' || ref.type === 'user') return 'none';
      return entry.accountId === ref.accountId && entry.name === ref.name ? 'principal' : 'none';
    case 'arn':
      if (ref.kind === 'account') return entry.accountId === ref.accountId ? 'named' : 'none';
      return ref.kind === 'iam' && entry.arn === ref.arn ? 'principal' : 'none';
  }
}

/** The strongest match among a `Principal` list. */
export function matchPrincipal(entries: readonly CompiledPrincipal[], ref: PrincipalRef): PrincipalMatch {
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
export function matchNotPrincipal(entries: readonly CompiledPrincipal[], ref: PrincipalRef): PrincipalMatch {
  for (const e of entries) {
    const m = matchPrincipalEntry(e, ref);
    if (m === 'principal' || m === 'wildcard' || m === 'account') return 'none';
  }
  return 'wildcard';
}
