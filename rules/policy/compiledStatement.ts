import { globToRegExp } from './glob';
import type { PrincipalEntry } from './policyTypes';

/** An exact (already lower-cased where relevant) string, or a compiled wildcard pattern. */
export type Matcher = string | RegExp;

/** A principal entry classified once at parse time, so evaluation does no regex work on it. */
export type CompiledPrincipal =
  | { readonly form: 'wildcard' }
  | { readonly form: 'account'; readonly accountId: string }
  | { readonly form: 'role'; readonly accountId: string; readonly name: string; readonly arn: string }
  | { readonly form: 'arn'; readonly accountId: string | undefined; readonly arn: string }
  | { readonly form: 'service'; readonly value: string }
  | { readonly form: 'unique-id' | 'other'; readonly value: string };

/** Unique principal ids left in a policy after the named role or user was deleted (`AROA…`, `AIDA…`). */
export const UNIQUE_ID = /^A(RO|ID|IP|NP|NV|SC|KI|GP)A[A-Z0-9]{12,}$/;
const ROOT = /^arn:[a-z-]+:iam::(\d{12}):root$/;
const ROLE = /^arn:[a-z-]+:iam::(\d{12}):role\/(?:[^/]+\/)*([^/]+)$/;
const ANY_ARN_ACCOUNT = /^arn:[a-z-]+:(?:iam|sts)::(\d{12}):/;

export function compilePrincipal(entry: PrincipalEntry): CompiledPrincipal {
  if (entry.type === '*' || (entry.type === 'AWS' && entry.value === '*')) return { form: 'wildcard' };
  if (entry.type === 'Service') return { form: 'service', value: entry.value };
  if (entry.type !== 'AWS') return { form: 'other', value: entry.value };
  const value = entry.value;
  if (UNIQUE_ID.test(value)) return { form: 'unique-id', value };
  if (/^\d{12}$/.test(value)) return { form: 'account', accountId: value };
  const root = ROOT.exec(value);
  if (root) return { form: 'account', accountId: root[1] as string };
  const role = ROLE.exec(value);
  if (role) return { form: 'role', accountId: role[1] as string, name: role[2] as string, arn: value };
  return { form: 'arn', accountId: ANY_ARN_ACCOUNT.exec(value)?.[1], arn: value };
}

/** Compiles an IAM pattern: exact strings stay strings (compared with ===), wildcards become RegExps. */
export function compilePattern(pattern: string, ignoreCase: boolean): Matcher {
  if (!pattern.includes('*') && !pattern.includes('?')) return ignoreCase ? pattern.toLowerCase() : pattern;
  return globToRegExp(pattern, ignoreCase);
}

export function anyMatches(matchers: readonly Matcher[], value: string): boolean {
  for (const m of matchers) {
    if (typeof m === 'string' ? m === value : m.test(value)) return true;
  }
  return false;
}
