import type { CompiledPrincipal } from './compiledStatement';
import type { KmsGrant } from './grants';
import { evaluateKmsRequest } from './evaluateKmsRequest';
import type { PrincipalRef } from './principalRef';
import { parsePrincipalRef } from './principalRef';
import type { PolicyDocument } from './policyTypes';
import type { OrganizationInfo } from './purposeContext';
import { purposeContext } from './purposeContext';
import type { Purpose } from './purposes';
import { PURPOSES } from './purposes';

/** The role, user or session ARN a principal entry names in `accountId`, if any. */
function arnIn(entry: CompiledPrincipal, accountId: string): string | undefined {
  if (entry.form !== 'role' && entry.form !== 'arn') return undefined;
  return entry.accountId === accountId ? entry.arn : undefined;
}

function asIamPrincipal(arn: string): PrincipalRef | undefined {
  try {
    const ref = parsePrincipalRef(arn);
    return ref.kind === 'iam' ? ref : undefined;
  } catch {
    // Not a principal KMS can authorize (e.g. a group ARN): it names nobody who could launch.
    return undefined;
  }
}

/**
 * For an account-level question: the principals of `accountId` (roles, users, sessions) that an
 * Allow statement of the key policy names by ARN and that the key policy (with the grants) lets
 * use the key for EVERY action of `purpose`, each judged as that principal (so an explicit Deny
 * that applies to it, or an undecidable condition, leaves it out). Unique-id principals name
 * nobody (G3). The identity side of those principals is not judged here. Sorted, no duplicates.
 */
export function findNamedPrincipals(input: {
  readonly keyArn: string;
  readonly keyAccountId: string;
  readonly keyRegion: string;
  readonly keyPolicy: PolicyDocument;
  readonly accountId: string;
  readonly purpose: Purpose;
  readonly organization?: OrganizationInfo;
  readonly grants?: readonly KmsGrant[];
}): string[] {
  const candidates = new Set<string>();
  for (const s of input.keyPolicy.statements) {
    if (s.effect !== 'Allow') continue;
    for (const entry of s.compiled.principal ?? []) {
      const arn = arnIn(entry, input.accountId);
      if (arn) candidates.add(arn);
    }
  }
  const named: string[] = [];
  for (const arn of candidates) {
    const principal = asIamPrincipal(arn);
    if (!principal) continue;
    const allowed = PURPOSES[input.purpose].actions.every(
      (action) =>
        evaluateKmsRequest({
          keyArn: input.keyArn,
          keyAccountId: input.keyAccountId,
          keyPolicy: input.keyPolicy,
          principal,
          action,
          context: purposeContext(
            input.purpose,
            action,
            principal,
            input.keyRegion,
            input.keyAccountId,
            input.organization,
          ),
          ...(input.grants ? { grants: input.grants } : {}),
        }).decision === 'allowed',
    );
    if (allowed) named.push(arn);
  }
  return named.sort();
}
