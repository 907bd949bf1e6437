import { UNIQUE_ID } from './matchPrincipal';
import type { PolicyDocument } from './policyTypes';

/**
 * Principals stored as unique ids (`AROA…`, `AIDA…`): IAM rewrites a deleted role or user's ARN
 * to its id, and the statement silently stops granting anything (G3). Sorted, without duplicates.
 */
export function findUniqueIdPrincipals(policy: PolicyDocument): string[] {
  const found = new Set<string>();
  for (const s of policy.statements) {
    for (const e of [...(s.principal ?? []), ...(s.notPrincipal ?? [])]) {
      if (e.type === 'AWS' && UNIQUE_ID.test(e.value)) found.add(e.value);
    }
  }
  return [...found].sort();
}
