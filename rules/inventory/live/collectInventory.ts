import type { Fact } from '../fact';
import { unknown } from '../fact';
import type { AccountFacts, FactFamily, Inventory, RegionFacts } from '../model';
import { FACT_FAMILIES, INVENTORY_FORMAT_VERSION } from '../model';
import type { LiveInventorySource } from './LiveInventorySource';
import { Semaphore } from './Semaphore';

export interface CollectionScope {
  /** The accounts to read (ids), each through `configFor` of the source. */
  readonly accountIds: readonly string[];
  readonly regions: readonly string[];
  /** Fact families to read; the others become `NotCollected` unknowns. Default: all. */
  readonly families?: readonly FactFamily[];
  /** Read the organization (from the caller's account). Default: when `families` includes it. */
  readonly organization?: boolean;
  /** Account names to record (e.g. from Organizations). */
  readonly accountNames?: Readonly<Record<string, string>>;
}

export interface CollectionProgress {
  readonly accountsDone: number;
  readonly accountsTotal: number;
  readonly regionsDone: number;
  readonly regionsTotal: number;
  readonly calls: number;
}

export interface CollectOptions {
  readonly partition?: string;
  readonly description?: string;
  /** Accounts read at once. Default 4. */
  readonly accountConcurrency?: number;
  readonly onProgress?: (progress: CollectionProgress) => void;
  readonly now?: () => Date;
}

function notCollected<T>(family: FactFamily): Fact<T> {
  return unknown('NotCollected', `the ${family} fact family was not in the collection scope`);
}

/** Reads the scope from live AWS into an {@link Inventory} (the same model the file source loads). */
export async function collectInventory(
  source: LiveInventorySource,
  scope: CollectionScope,
  options: CollectOptions = {},
): Promise<Inventory> {
  const now = options.now ?? (() => new Date());
  const started = now().getTime();
  const families = new Set<FactFamily>(scope.families ?? FACT_FAMILIES);
  const wants = (f: FactFamily) => families.has(f);
  const regionsTotal = scope.accountIds.length * scope.regions.length;
  let accountsDone = 0;
  let regionsDone = 0;
  const report = () =>
    options.onProgress?.({
      accountsDone,
      accountsTotal: scope.accountIds.length,
      regionsDone,
      regionsTotal,
      calls: source.counter.total(),
    });

  const readRegion = async (accountId: string, region: string): Promise<RegionFacts> => {
    const [keys, images, snapshots, ebsEncryption, imageBuilder, sharedWithMe] = await Promise.all([
      wants('keys') ? source.keys(accountId, region) : notCollected<never>('keys'),
      wants('images') ? source.images(accountId, region) : notCollected<never>('images'),
      wants('images') ? source.snapshots(accountId, region) : notCollected<never>('images'),
      wants('ebsEncryption') ? source.ebsEncryption(accountId, region) : notCollected<never>('ebsEncryption'),
      wants('imageBuilder') ? source.imageBuilder(accountId, region) : notCollected<never>('imageBuilder'),
      wants('sharedWithMe') ? source.sharedWithMe(accountId, region) : notCollected<never>('sharedWithMe'),
    ]);
    regionsDone++;
    report();
    return { region, keys, images, snapshots, ebsEncryption, imageBuilder, sharedWithMe };
  };

  const accountLimit = new Semaphore(options.accountConcurrency ?? 4);
  const readAccount = (accountId: string): Promise<AccountFacts> =>
    accountLimit.run(async () => {
      const [roles, regionOptIn, regions] = await Promise.all([
        wants('roles') ? source.roles(accountId) : notCollected<never>('roles'),
        wants('regionOptIn') ? source.regionOptIn(accountId) : notCollected<never>('regionOptIn'),
        Promise.all(scope.regions.map((r) => readRegion(accountId, r))),
      ]);
      accountsDone++;
      report();
      const name = scope.accountNames?.[accountId];
      return { accountId, ...(name ? { name } : {}), roles, regionOptIn, regions };
    });

  const withOrg = scope.organization ?? wants('organization');
  const [organization, accounts] = await Promise.all([
    withOrg ? source.organization() : Promise.resolve(null),
    Promise.all(scope.accountIds.map(readAccount)),
  ]);
  return {
    formatVersion: INVENTORY_FORMAT_VERSION,
    generatedAt: now().toISOString(),
    source: { kind: 'live', ...(options.description ? { description: options.description } : {}) },
    partition: options.partition ?? 'aws',
    organization,
    accounts,
    collection: {
      regions: [...scope.regions],
      families: FACT_FAMILIES.filter((f) => families.has(f)),
      apiCalls: source.counter.snapshot(),
      durationMs: Math.max(0, now().getTime() - started),
    },
  };
}
