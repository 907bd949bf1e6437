import type { Reason } from '../core/finding';
import { findRegion, parseKmsArn } from '../inventory/lookup';
import type { Inventory } from '../inventory/model';
import type { CollectTarget } from '../kit/inventoryRule';

/** A key of another account that AMIs shared with the account use, with those AMIs. */
export interface ForeignImageKey {
  readonly keyArn: string;
  readonly imageIds: readonly string[];
}

export interface ForeignImageKeys {
  readonly keys: readonly ForeignImageKey[];
  readonly unreadable: readonly Reason[];
}

/** The key of a shared AMI's snapshot: as the consumer sees it, else from the owner's inventory. */
function snapshotKey(
  inventory: Inventory,
  ownerId: string,
  region: string,
  snapshotId: string,
  seen: { status: 'known'; value: { encrypted: boolean; kmsKeyId: string | null } } | { status: 'unknown' },
): { known: true; keyArn: string | null } | { known: false } {
  if (seen.status === 'known')
    return { known: true, keyArn: seen.value.encrypted ? seen.value.kmsKeyId : null };
  const owner = findRegion(inventory, ownerId, region);
  if (!owner || owner.snapshots.status === 'unknown') return { known: false };
  const snap = owner.snapshots.value.find((s) => s.snapshotId === snapshotId);
  return snap ? { known: true, keyArn: snap.encrypted ? snap.kmsKeyId : null } : { known: false };
}

/**
 * The foreign keys the AMIs shared with `accountId` in `regions` use. A snapshot the account
 * cannot see (no createVolumePermission) is looked up in its owner's facts when the owner was read
 * (organization mode); otherwise its key is an unreadable fact. Pure.
 */
export function foreignImageKeys(
  inventory: Inventory,
  accountId: string,
  regions: readonly string[],
): ForeignImageKeys {
  const byKey = new Map<string, string[]>();
  const unreadable: Reason[] = [];
  for (const region of regions) {
    const facts = findRegion(inventory, accountId, region);
    if (!facts || facts.sharedWithMe.status === 'unknown') {
      const why = facts?.sharedWithMe.status === 'unknown' ? facts.sharedWithMe.reason.code : 'not collected';
      unreadable.push({
        code: 'FACT_UNREADABLE',
        message: `AMIs shared with ${accountId} in ${region} unreadable (${why}).`,
      });
      continue;
    }
    for (const image of facts.sharedWithMe.value) {
      if (image.state === 'deregistered') continue;
      for (const s of image.snapshots) {
        const key = snapshotKey(inventory, image.ownerId, region, s.snapshotId, s.snapshot);
        if (!key.known) {
          unreadable.push({
            code: 'FACT_UNREADABLE',
            message: `Key of ${image.imageId} ${s.snapshotId} (owner ${image.ownerId}) unknown: snapshot not visible, owner not read.`,
          });
          continue;
        }
        if (key.keyArn === null || parseKmsArn(key.keyArn)?.accountId === accountId) continue;
        const ids = byKey.get(key.keyArn) ?? [];
        if (!ids.includes(image.imageId)) ids.push(image.imageId);
        byKey.set(key.keyArn, ids);
      }
    }
  }
  return { keys: [...byKey].map(([keyArn, imageIds]) => ({ keyArn, imageIds })), unreadable };
}

/**
 * What to read besides the account: its other shared-AMI Regions, the owners of the AMIs whose
 * snapshots it cannot see (their AMIs and keys), and the accounts of the foreign keys. Pure.
 */
export function foreignImageKeyTargets(
  inventory: Inventory,
  accountId: string,
  region: string,
  regions: readonly string[],
): CollectTarget[] {
  const targets: CollectTarget[] = [];
  const extra = regions.filter((r) => r !== region);
  if (extra.length > 0) targets.push({ accountId, regions: extra, families: ['sharedWithMe'] });
  const wanted = new Map<string, { regions: Set<string>; images: boolean }>();
  const want = (id: string, r: string, images: boolean) => {
    const w = wanted.get(id) ?? { regions: new Set<string>(), images: false };
    w.regions.add(r);
    w.images ||= images;
    wanted.set(id, w);
  };
  const facts = findRegion(inventory, accountId, region);
  if (facts && facts.sharedWithMe.status === 'known') {
    for (const image of facts.sharedWithMe.value) {
      for (const s of image.snapshots) {
        if (s.snapshot.status === 'unknown') want(image.ownerId, region, true);
        else if (s.snapshot.value.kmsKeyId) {
          const arn = parseKmsArn(s.snapshot.value.kmsKeyId);
          if (arn && arn.accountId !== accountId) want(arn.accountId, arn.region, false);
        }
      }
    }
  }
  for (const [id, w] of wanted) {
    targets.push({
      accountId: id,
      regions: [...w.regions].sort(),
      families: w.images ? ['images', 'keys'] : ['keys'],
    });
  }
  return targets;
}
