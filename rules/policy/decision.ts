import type { Tri } from './tri';

/** The engine's answer to one question. `conditional` means an undecidable condition, never a guess. */
export type Decision = 'allowed' | 'explicitly-denied' | 'implicitly-denied' | 'conditional';

/** Where a deciding statement lives. */
export interface StatementRef {
  readonly policy: 'key' | 'identity' | 'trust' | 'grant';
  /** Index of the identity policy in the list given (identity policies only). */
  readonly policyIndex?: number;
  /** Statement index (or grant index). */
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  /** `yes` when it applies, `unknown` when it applies only if its conditions hold. */
  readonly applies: 'yes' | 'unknown';
}

/** Combines "some Deny applies" with "access is allowed" into a {@link Decision}. */
export function decide(deny: Tri, allowed: Tri): Decision {
  if (deny === 'yes') return 'explicitly-denied';
  if (allowed === 'no') return 'implicitly-denied';
  if (deny === 'unknown' || allowed === 'unknown') return 'conditional';
  return 'allowed';
}
