import { findRegion, parseKmsArn } from '../inventory/lookup';
import type { FactFamily, Inventory } from '../inventory/model';
import type { CollectTarget } from '../kit/inventoryRule';

/**
 * The accounts and Regions of the keys that the account's own AMI snapshots use, outside the
 * account (a copied AMI can keep another account's key): read them as dependencies so that their
 * state and policy can be judged. Pure.
 */
export function foreignSnapshotKeyTargets(
  inventory: Inventory,
  accountId: string,
  region: string,
  families: readonly FactFamily[] = ['keys'],
): CollectTarget[] {
  const regionFacts = findRegion(inventory, accountId, region);
  if (!regionFacts || regionFacts.snapshots.status === 'unknown') return [];
  const byAccount = new Map<string, Set<string>>();
  for (const snapshot of regionFacts.snapshots.value) {
    const arn = snapshot.kmsKeyId ? parseKmsArn(snapshot.kmsKeyId) : undefined;
    if (!arn || arn.accountId === accountId) continue;
    const regions = byAccount.get(arn.accountId) ?? new Set<string>();
    regions.add(arn.region);
    byAccount.set(arn.accountId, regions);
  }
  return [...byAccount].map(([id, regions]) => ({ accountId: id, regions: [...regions].sort(), families }));
}
