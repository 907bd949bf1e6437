import { findKey, findRegion, parseKmsArn } from '../inventory/lookup';
import type { Inventory, Key } from '../inventory/model';

/** What a configured key reference (key ARN, key id, alias name or alias ARN) turned out to be. */
export type KeyResolution =
  /** The AWS managed key (`alias/aws/…` or `KeyManager = AWS`): it can never be shared. */
  | { readonly kind: 'aws-managed'; readonly ref: string; readonly key?: Key }
  | { readonly kind: 'customer'; readonly key: Key }
  /** The key's account and Region were read, and no such key is there. */
  | { readonly kind: 'not-found'; readonly ref: string; readonly accountId: string; readonly region: string }
  /** The key's facts could not be read (or were not collected): the rule cannot tell. */
  | { readonly kind: 'unreadable'; readonly ref: string; readonly why: string };

/** `alias/aws/ebs` or `arn:…:alias/aws/ebs`: the `aws/` alias prefix is reserved for AWS managed keys. */
export function isAwsManagedAliasRef(ref: string): boolean {
  const arn = parseKmsArn(ref);
  const resource = arn?.resource ?? ref;
  return resource.startsWith('alias/aws/');
}

/**
 * Resolves a key reference as Image Builder and EBS do: ARNs carry their own account and Region,
 * bare key ids and alias names are looked up in `context` (the account and Region using them).
 */
export function resolveKmsKey(
  inventory: Inventory,
  ref: string,
  context: { readonly accountId: string; readonly region: string },
): KeyResolution {
  const arn = parseKmsArn(ref);
  const accountId = arn?.accountId ?? context.accountId;
  const region = arn?.region ?? context.region;
  const found = findKey(inventory, ref, { accountId, region });
  if (found.status === 'unknown') {
    if (isAwsManagedAliasRef(ref)) return { kind: 'aws-managed', ref };
    return {
      kind: 'unreadable',
      ref,
      why: `the keys of ${accountId} in ${region} could not be read (${found.reason.code}: ${found.reason.message})`,
    };
  }
  const key = found.value;
  if (key) return key.keyManager === 'AWS' ? { kind: 'aws-managed', ref, key } : { kind: 'customer', key };
  if (isAwsManagedAliasRef(ref)) return { kind: 'aws-managed', ref };
  const regionFacts = findRegion(inventory, accountId, region);
  if (!regionFacts) {
    return { kind: 'unreadable', ref, why: `the keys of ${accountId} in ${region} were not read` };
  }
  return { kind: 'not-found', ref, accountId, region };
}

/** Whether a key can be used at all (`Enabled`); anything else breaks every copy and launch. */
export function keyUsable(key: Key): boolean {
  return key.keyState === 'Enabled';
}

/** The account that owns a key (from its ARN). */
export function keyOwner(key: Key): string {
  return parseKmsArn(key.arn)?.accountId ?? '';
}

/** The Region of a key (from its ARN). */
export function keyRegion(key: Key): string {
  return parseKmsArn(key.arn)?.region ?? '';
}
