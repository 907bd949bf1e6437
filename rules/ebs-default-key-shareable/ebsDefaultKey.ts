import { findRegion } from '../inventory/lookup';
import type { Inventory, Key } from '../inventory/model';
import { resolveKmsKey } from '../imagebuilder-distribution-key-shareable/resolveKmsKey';

/** The Region's default EBS key (GetEbsDefaultKmsKeyId, resolved) and whether encryption by default is on. */
export type EbsDefaultKey =
  | { readonly kind: 'unreadable'; readonly why: string }
  | {
      readonly kind: 'aws-managed';
      readonly enabledByDefault: boolean;
      /** As GetEbsDefaultKmsKeyId returned it (`alias/aws/ebs`). */
      readonly ref: string;
      readonly key?: Key;
    }
  | { readonly kind: 'customer'; readonly enabledByDefault: boolean; readonly ref: string; readonly key: Key }
  /** The default names a key that does not exist (or is in an account not read). */
  | {
      readonly kind: 'missing';
      readonly enabledByDefault: boolean;
      readonly ref: string;
      readonly why: string;
    };

export function ebsDefaultKey(inventory: Inventory, accountId: string, region: string): EbsDefaultKey {
  const facts = findRegion(inventory, accountId, region);
  if (!facts) return { kind: 'unreadable', why: `${accountId} ${region} was not read` };
  const ebs = facts.ebsEncryption;
  if (ebs.status === 'unknown') {
    return {
      kind: 'unreadable',
      why: `EBS encryption settings unreadable (${ebs.reason.code}: ${ebs.reason.message})`,
    };
  }
  const { enabledByDefault, defaultKmsKeyId, defaultKeyArn } = ebs.value;
  const ref = defaultKeyArn ?? defaultKmsKeyId;
  const resolution = resolveKmsKey(inventory, ref, { accountId, region });
  switch (resolution.kind) {
    case 'aws-managed':
      return {
        kind: 'aws-managed',
        enabledByDefault,
        ref: defaultKmsKeyId,
        ...(resolution.key ? { key: resolution.key } : {}),
      };
    case 'customer':
      return { kind: 'customer', enabledByDefault, ref: defaultKmsKeyId, key: resolution.key };
    case 'not-found':
      return {
        kind: 'missing',
        enabledByDefault,
        ref: defaultKmsKeyId,
        why: `${ref} does not exist in ${accountId} ${region}`,
      };
    case 'unreadable':
      return { kind: 'unreadable', why: resolution.why };
  }
}
