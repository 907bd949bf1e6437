import type { Fact } from './fact';
import { known } from './fact';
import type {
  AccountFacts,
  Image,
  ImageBlockDeviceMapping,
  Inventory,
  Key,
  OrganizationAccount,
  RegionFacts,
  Role,
  Snapshot,
} from './model';

/**
 * Pure lookups over an {@link Inventory} for rule authors. Lookups over facts return a `Fact`:
 * `known(undefined)` means "read, and not there"; an unknown means "could not tell".
 */

export function findAccount(inventory: Inventory, accountId: string): AccountFacts | undefined {
  return inventory.accounts.find((a) => a.accountId === accountId);
}

export function findRegion(inventory: Inventory, accountId: string, region: string): RegionFacts | undefined {
  return findAccount(inventory, accountId)?.regions.find((r) => r.region === region);
}

/** The parts of a KMS ARN (`arn:aws:kms:REGION:ACCOUNT:key/ID` or `…:alias/NAME`). */
export interface KmsArnParts {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  readonly resourceType: 'key' | 'alias';
  /** The key id, or the alias name with its `alias/` prefix. */
  readonly resource: string;
}

export function parseKmsArn(arn: string): KmsArnParts | undefined {
  const m = /^arn:(aws[a-z-]*):kms:([a-z0-9-]+):(\d{12}):(key|alias)\/(.+)$/.exec(arn);
  if (!m) return undefined;
  const [, partition, region, accountId, type, rest] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    partition,
    region,
    accountId,
    resourceType: type === 'key' ? 'key' : 'alias',
    resource: type === 'key' ? rest : `alias/${rest}`,
  };
}

/** Where a bare key id or alias name is resolved. ARNs carry their own account and Region. */
export interface KeyContext {
  readonly accountId: string;
  readonly region: string;
}

/**
 * A key by ARN, key id, alias name (`alias/aws/ebs`) or alias ARN. Bare ids and alias names are
 * resolved in `context` (the account and Region that use them).
 */
export function findKey(inventory: Inventory, ref: string, context?: KeyContext): Fact<Key | undefined> {
  const arn = parseKmsArn(ref);
  const accountId = arn?.accountId ?? context?.accountId;
  const region = arn?.region ?? context?.region;
  const resource = arn?.resource ?? ref;
  if (accountId === undefined || region === undefined) return known(undefined);
  const regionFacts = findRegion(inventory, accountId, region);
  if (!regionFacts) return known(undefined);
  return findKeyInRegion(regionFacts, resource);
}

/** A key by id, ARN or alias name among one Region's keys. */
export function findKeyInRegion(regionFacts: RegionFacts, ref: string): Fact<Key | undefined> {
  const keys = regionFacts.keys;
  if (keys.status === 'unknown') return keys;
  const arn = parseKmsArn(ref);
  const resource = arn?.resource ?? ref;
  const key = resource.startsWith('alias/')
    ? keys.value.find((k) => k.aliases.includes(resource))
    : keys.value.find((k) => k.keyId === resource || k.arn === ref);
  return known(key);
}

export interface ImageLocation {
  readonly account: AccountFacts;
  readonly region: RegionFacts;
  readonly image: Image;
}

/** An owned AMI by id, across the inventory (optionally only in `region`). */
export function findImage(
  inventory: Inventory,
  imageId: string,
  region?: string,
): Fact<ImageLocation | undefined> {
  let firstUnknown: Fact<ImageLocation | undefined> | undefined;
  for (const account of inventory.accounts) {
    for (const regionFacts of account.regions) {
      if (region !== undefined && regionFacts.region !== region) continue;
      const images = regionFacts.images;
      if (images.status === 'unknown') {
        firstUnknown ??= images;
        continue;
      }
      const image = images.value.find((i) => i.imageId === imageId);
      if (image) return known({ account, region: regionFacts, image });
    }
  }
  return firstUnknown ?? known(undefined);
}

export interface ImageSnapshot {
  readonly mapping: ImageBlockDeviceMapping & { readonly snapshotId: string };
  /** `known(undefined)`: the snapshot was not among the account's snapshots. */
  readonly snapshot: Fact<Snapshot | undefined>;
  /** The snapshot's key (possibly another account's); `known(undefined)` when unencrypted or not in the inventory. */
  readonly key: Fact<Key | undefined>;
}

/** The EBS snapshots of an owned image, each with its snapshot facts and its key. */
export function imageSnapshots(
  inventory: Inventory,
  regionFacts: RegionFacts,
  image: Image,
): ImageSnapshot[] {
  const out: ImageSnapshot[] = [];
  for (const mapping of image.blockDeviceMappings) {
    if (mapping.snapshotId === undefined) continue;
    const snapshotId = mapping.snapshotId;
    const snapshots = regionFacts.snapshots;
    const snapshot: Fact<Snapshot | undefined> =
      snapshots.status === 'unknown'
        ? snapshots
        : known(snapshots.value.find((s) => s.snapshotId === snapshotId));
    let key: Fact<Key | undefined>;
    if (snapshot.status === 'unknown') key = snapshot;
    else if (!snapshot.value?.kmsKeyId) key = known(undefined);
    else key = findKey(inventory, snapshot.value.kmsKeyId);
    out.push({ mapping: { ...mapping, snapshotId }, snapshot, key });
  }
  return out;
}

export function findOrganizationAccount(
  inventory: Inventory,
  accountId: string,
): OrganizationAccount | undefined {
  const org = inventory.organization;
  if (!org || org.status === 'unknown') return undefined;
  return org.value.accounts.find((a) => a.id === accountId);
}

/** The account's `aws:PrincipalOrgPaths` value, e.g. `o-abc/r-root/ou-x/`. */
export function ouPathOf(inventory: Inventory, accountId: string): string | undefined {
  return findOrganizationAccount(inventory, accountId)?.ouPath;
}

/** A role by name (case-insensitive, as IAM names are) in an account. */
export function findRole(account: AccountFacts, roleName: string): Fact<Role | undefined> {
  const roles = account.roles;
  if (roles.status === 'unknown') return roles;
  const wanted = roleName.toLowerCase();
  return known(roles.value.find((r) => r.roleName.toLowerCase() === wanted));
}
