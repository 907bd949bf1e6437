import type { Fix, Reason } from '../core/finding';
import type { Fact } from '../inventory/fact';
import { findRegion, parseKmsArn } from '../inventory/lookup';
import type { Inventory, Key } from '../inventory/model';

/** A key's id for messages: the key id of an ARN, or the reference as given. */
export function shortKey(ref: string): string {
  return parseKmsArn(ref)?.resource ?? ref;
}

/** The outcome of looking a snapshot's key up: usable, or a problem with its reason and fix. */
export type KeyLookup =
  | { readonly status: 'found'; readonly key: Key }
  | { readonly status: 'problem'; readonly reason: Reason; readonly fix?: Fix };

/**
 * Resolves the key a snapshot (or a distribution) uses. A key that could not be read is a
 * FACT_UNREADABLE problem; a key absent from a Region whose keys were read is KEY_NOT_FOUND (G2:
 * deleted keys are not listed, and nobody can use them).
 */
export function lookUpKey(
  inventory: Inventory,
  keyArn: string,
  fact: Fact<Key | undefined>,
  what: string,
): KeyLookup {
  if (fact.status === 'unknown') {
    return {
      status: 'problem',
      reason: {
        code: 'FACT_UNREADABLE',
        message: `${what}: key ${shortKey(keyArn)} unreadable (${fact.reason.code}${fact.reason.api ? `, ${fact.reason.api}` : ''}).`,
      },
    };
  }
  if (fact.value) return { status: 'found', key: fact.value };
  const arn = parseKmsArn(keyArn);
  const region = arn ? findRegion(inventory, arn.accountId, arn.region) : undefined;
  if (!arn || !region || region.keys.status === 'unknown') {
    const where = arn ? `${arn.accountId}/${arn.region}` : keyArn;
    return {
      status: 'problem',
      reason: {
        code: 'FACT_UNREADABLE',
        message: `${what}: key ${shortKey(keyArn)} of ${where} not read (needs organization mode).`,
      },
    };
  }
  return {
    status: 'problem',
    reason: {
      code: 'KEY_NOT_FOUND',
      message: `${what}: key ${shortKey(keyArn)} not found in ${arn.accountId}/${arn.region} (deleted?); nobody can use it.`,
      scenarios: ['G2'],
    },
    fix: {
      summary: `Re-encrypt or rebuild ${what} with an existing customer managed key.`,
      keyArn,
    },
  };
}

/**
 * Why nobody but the key's own account can use the key, if so: an AWS managed key cannot be
 * shared (G1); a key that is not Enabled (disabled, pending deletion, pending import) breaks
 * every consumer (G2). `undefined`: usable.
 */
export function keyUnusable(key: Key, what: string): { reason: Reason; fix: Fix } | undefined {
  if (key.keyManager === 'AWS') {
    const alias = key.aliases[0] ?? 'an AWS managed key';
    return {
      reason: {
        code: 'AWS_MANAGED_KEY',
        message: `${what} uses the AWS managed key ${alias}, which cannot be shared: copy it with a customer managed key.`,
        scenarios: ['G1'],
      },
      fix: {
        summary: `Copy ${what} with a customer managed key and share the copy instead.`,
        keyArn: key.arn,
        steps: [
          'aws ec2 copy-image --source-image-id <ami> --source-region <region> --region <region> --name <name> --encrypted --kms-key-id <customer managed key ARN>',
          'Let the consumers use that key (key policy "Allow use of the key" and "Allow attachment of persistent resources")',
          'Share the copy (aws ec2 modify-image-attribute --launch-permission) and stop sharing the original',
        ],
      },
    };
  }
  if (key.keyState === 'Enabled' && key.enabled) return undefined;
  const steps =
    key.keyState === 'PendingDeletion'
      ? [`aws kms cancel-key-deletion --key-id ${key.arn}`, `aws kms enable-key --key-id ${key.arn}`]
      : key.keyState === 'PendingImport'
        ? [`Import the key material: aws kms import-key-material --key-id ${key.arn} …`]
        : [`aws kms enable-key --key-id ${key.arn}`];
  const when = key.deletionDate ? ` (deletion ${key.deletionDate.slice(0, 10)})` : '';
  return {
    reason: {
      code: 'KEY_NOT_ENABLED',
      message: `${what}: key ${key.keyId} is ${key.keyState}; no consumer can launch it.`,
      scenarios: ['G2'],
    },
    fix: { summary: `Make key ${key.keyId} usable again (${key.keyState}${when}).`, keyArn: key.arn, steps },
  };
}
