import type { AccountFacts, Inventory, RegionFacts } from '../inventory/model';

function mergeAccount(a: AccountFacts, b: AccountFacts): AccountFacts {
  const regions = new Map<string, RegionFacts>(a.regions.map((r) => [r.region, r]));
  for (const r of b.regions) {
    if (!regions.has(r.region)) regions.set(r.region, r);
  }
  return {
    ...a,
    roles: a.roles.status === 'known' ? a.roles : b.roles,
    regionOptIn: a.regionOptIn.status === 'known' ? a.regionOptIn : b.regionOptIn,
    regions: [...regions.values()],
  };
}

/**
 * Joins inventories read in several passes (the evaluated account, then its dependencies).
 * The first inventory wins where both hold the same fact; a known fact beats an unknown one.
 */
export function mergeInventories(first: Inventory, ...rest: readonly Inventory[]): Inventory {
  const accounts = new Map<string, AccountFacts>(first.accounts.map((a) => [a.accountId, a]));
  let organization = first.organization;
  for (const inv of rest) {
    for (const account of inv.accounts) {
      const existing = accounts.get(account.accountId);
      accounts.set(account.accountId, existing ? mergeAccount(existing, account) : account);
    }
    if (organization === null || organization.status === 'unknown') {
      organization = inv.organization ?? organization;
    }
  }
  return { ...first, organization, accounts: [...accounts.values()] };
}
