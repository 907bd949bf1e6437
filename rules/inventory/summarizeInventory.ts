import type { Fact, UnknownReasonCode } from './fact';
import type { Inventory } from './model';

export interface InventorySummary {
  readonly accounts: number;
  readonly regions: number;
  readonly keys: number;
  readonly images: number;
  readonly snapshots: number;
  readonly roles: number;
  /** Unknown facts by reason code (NotCollected excluded: those were out of scope). */
  readonly unknownFacts: Partial<Record<UnknownReasonCode, number>>;
  readonly apiCalls: number;
}

/** Counts what an inventory holds and how many of its facts could not be read. */
export function summarizeInventory(inventory: Inventory): InventorySummary {
  const unknownFacts: Partial<Record<UnknownReasonCode, number>> = {};
  let keys = 0;
  let images = 0;
  let snapshots = 0;
  let roles = 0;
  let regions = 0;
  const count = <T>(fact: Fact<T> | undefined | null, size?: (v: T) => number): number => {
    if (!fact) return 0;
    if (fact.status === 'unknown') {
      if (fact.reason.code !== 'NotCollected')
        unknownFacts[fact.reason.code] = (unknownFacts[fact.reason.code] ?? 0) + 1;
      return 0;
    }
    return size ? size(fact.value) : 0;
  };
  count(inventory.organization);
  for (const account of inventory.accounts) {
    roles += count(account.roles, (v) => v.length);
    for (const role of account.roles.status === 'known' ? account.roles.value : [])
      for (const p of role.attachedPolicies) count(p.document);
    count(account.regionOptIn);
    for (const region of account.regions) {
      regions++;
      keys += count(region.keys, (v) => v.length);
      for (const key of region.keys.status === 'known' ? region.keys.value : []) {
        count(key.policy);
        count(key.grants);
      }
      images += count(region.images, (v) => v.length);
      for (const image of region.images.status === 'known' ? region.images.value : [])
        count(image.launchPermissions);
      snapshots += count(region.snapshots, (v) => v.length);
      count(region.ebsEncryption);
      count(region.imageBuilder);
      count(region.sharedWithMe);
    }
  }
  const apiCalls = Object.values(inventory.collection?.apiCalls ?? {}).reduce((a, b) => a + b, 0);
  return {
    accounts: inventory.accounts.length,
    regions,
    keys,
    images,
    snapshots,
    roles,
    unknownFacts,
    apiCalls,
  };
}

/** One line: `3 accounts, 6 Regions: 12 keys, 40 AMIs, 41 snapshots, 88 roles; unknown facts: 2 AccessDenied; 310 API calls`. */
export function formatInventorySummary(s: InventorySummary): string {
  const unknowns = Object.entries(s.unknownFacts)
    .map(([code, n]) => `${n} ${code}`)
    .join(', ');
  return (
    `${s.accounts} account(s), ${s.regions} account-Region(s): ${s.keys} keys, ${s.images} AMIs, ` +
    `${s.snapshots} snapshots, ${s.roles} roles; unknown facts: ${unknowns || 'none'}; ${s.apiCalls} API calls`
  );
}
