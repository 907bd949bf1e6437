import type { PrincipalRef } from './principalRef';
import type { Tri } from './tri';

/** A KMS grant as `ListGrants` reports it (the fields the engine uses). */
export interface KmsGrant {
  readonly grantId?: string;
  /** Role, user, assumed-role, account or service principal. */
  readonly granteePrincipal: string;
  /** e.g. `Decrypt`, `CreateGrant` (grant operation names, without `kms:`). */
  readonly operations: readonly string[];
  readonly constraints?: {
    readonly encryptionContextSubset?: Readonly<Record<string, string>>;
    readonly encryptionContextEquals?: Readonly<Record<string, string>>;
  };
}

const ROLE = /^arn:[a-z-]+:iam::(\d{12}):role\/(?:[^/]+\/)*([^/]+)$/;

/**
 * Whether a grant lets `principal` perform `action` (a grant is a third access path, usable
 * without any IAM policy). Constraints on encryption-context values cannot be checked from a
 * purpose (only the context keys are known), so a constrained grant is `unknown`.
 */
export function grantAllows(grant: KmsGrant, principal: PrincipalRef, action: string): Tri {
  const operation = action.toLowerCase().replace(/^kms:/, '');
  if (!grant.operations.some((o) => o.toLowerCase() === operation)) return 'no';
  if (!granteeMatches(grant.granteePrincipal, principal)) return 'no';
  const c = grant.constraints;
  const constrained =
    Object.keys(c?.encryptionContextSubset ?? {}).length > 0 ||
    Object.keys(c?.encryptionContextEquals ?? {}).length > 0;
  return constrained ? 'unknown' : 'yes';
}

function granteeMatches(grantee: string, principal: PrincipalRef): boolean {
  if (principal.kind === 'service') return grantee === principal.service;
  if (principal.kind === 'account') return false;
  if (grantee === principal.arn) return true;
  const role = ROLE.exec(grantee);
  return (
    role !== null &&
    principal.type !== 'user' &&
    role[1] === principal.accountId &&
    role[2] === principal.name
  );
}
