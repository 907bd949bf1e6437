import type { Fact } from '../fact';
import { known, unknown } from '../fact';
import type {
  EbsEncryption,
  Image,
  Key,
  Organization,
  RegionOptStatus,
  Role,
  SharedImage,
  Snapshot,
} from '../model';
import type { ImageBuilderFacts } from '../imageBuilderModel';
import type { ApiCallCounter } from './ApiCallCounter';
import type { ClientConfigFor } from './AwsClients';
import { AwsClients } from './AwsClients';
import { describeImages, describeLaunchPermissions, describeSnapshotsById, getEbsDefaults } from './readEc2';
import { readImageBuilder } from './readImageBuilder';
import { readRoles } from './readIam';
import { describeKey, getKeyPolicy, keyFromApi, listAliasesByKey, listGrants, listKeyIds } from './readKms';
import { readOrganization } from './readOrganization';
import { describeRegionOptIn, listRegionOptIn } from './readRegionOptIn';
import { unknownFromError } from './unknownFromError';

export interface LiveInventorySourceOptions {
  /** SDK client configuration per (account, Region). */
  readonly configFor: ClientConfigFor;
  /** Region for global services (IAM, Account, Organizations). Default `us-east-1`. */
  readonly homeRegion?: string;
  readonly counter?: ApiCallCounter;
  readonly concurrencyPerApi?: number;
  readonly maxAttempts?: number;
  /** Read KMS grants too (one ListGrants per key). Default false. */
  readonly grants?: boolean;
  /**
   * The caller's account (management or delegated administrator), passed to `configFor` to read
   * Organizations. Default `self`: `configFor` must then return the caller's own configuration.
   */
  readonly callerAccountId?: string;
  /** Stops new reads: facts not yet read become `Timeout` unknowns. */
  readonly signal?: AbortSignal;
}

/**
 * Reads inventory facts from live AWS, lazily and cached for the run: each fact (a key's policy,
 * an account's roles, a Region's snapshots) is read at most once however many rules ask. A read
 * that fails becomes a typed unknown; nothing here throws for an AWS error.
 */
export class LiveInventorySource {
  readonly clients: AwsClients;
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(private readonly options: LiveInventorySourceOptions) {
    this.clients = new AwsClients({
      configFor: options.configFor,
      ...(options.counter ? { counter: options.counter } : {}),
      ...(options.concurrencyPerApi ? { concurrencyPerApi: options.concurrencyPerApi } : {}),
      ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    });
  }

  get counter(): ApiCallCounter {
    return this.clients.counter;
  }

  private get homeRegion(): string {
    return this.options.homeRegion ?? 'us-east-1';
  }

  /** One read per key per run; an aborted run yields `Timeout` unknowns for what is left. */
  private once<T>(cacheKey: string, api: string, read: () => Promise<T>): Promise<Fact<T>> {
    return this.onceFact(cacheKey, api, async () => known(await read()));
  }

  /** Like {@link once}, for reads that depend on other facts and may return their unknown. */
  private onceFact<T>(cacheKey: string, api: string, read: () => Promise<Fact<T>>): Promise<Fact<T>> {
    const hit = this.cache.get(cacheKey);
    if (hit) return hit as Promise<Fact<T>>;
    const promise = this.options.signal?.aborted
      ? Promise.resolve(
          unknown<T>('Timeout', 'the collection time budget ran out before this fact was read', api),
        )
      : read().catch((error: unknown) => unknownFromError<T>(error, api));
    this.cache.set(cacheKey, promise);
    return promise;
  }

  organization(): Promise<Fact<Organization>> {
    return this.once('org', 'organizations:DescribeOrganization', () =>
      readOrganization(this.clients.get('organizations', this.managementAccountKey, this.homeRegion)),
    );
  }

  /** The account whose configuration reads Organizations: the caller (management or delegated admin). */
  private get managementAccountKey(): string {
    return this.options.callerAccountId ?? 'self';
  }

  roles(accountId: string): Promise<Fact<Role[]>> {
    return this.once(`roles|${accountId}`, 'iam:GetAccountAuthorizationDetails', () =>
      readRoles(this.clients.get('iam', accountId, this.homeRegion)),
    );
  }

  /** `account:ListRegions`, falling back to `ec2:DescribeRegions` (AllRegions) when the Account API fails. */
  async regionOptIn(accountId: string): Promise<Fact<Record<string, RegionOptStatus>>> {
    const primary = await this.once(`optin|${accountId}`, 'account:ListRegions', () =>
      listRegionOptIn(this.clients.get('account', accountId, this.homeRegion)),
    );
    if (primary.status === 'known') return primary;
    const fallback = await this.once(`optin-ec2|${accountId}`, 'ec2:DescribeRegions', () =>
      describeRegionOptIn(this.clients.get('ec2', accountId, this.homeRegion)),
    );
    return fallback.status === 'known' ? fallback : primary;
  }

  keyPolicy(accountId: string, region: string, keyId: string): Promise<Fact<string>> {
    return this.once(`policy|${accountId}|${region}|${keyId}`, 'kms:GetKeyPolicy', () =>
      getKeyPolicy(this.clients.get('kms', accountId, region), keyId),
    );
  }

  keyGrants(accountId: string, region: string, keyId: string) {
    return this.once(`grants|${accountId}|${region}|${keyId}`, 'kms:ListGrants', () =>
      listGrants(this.clients.get('kms', accountId, region), keyId),
    );
  }

  /** Every key of the account in the Region, with aliases and policy (each policy read once). */
  keys(accountId: string, region: string): Promise<Fact<Key[]>> {
    return this.once(`keys|${accountId}|${region}`, 'kms:ListKeys', async () => {
      const kms = this.clients.get('kms', accountId, region);
      const [ids, aliases] = await Promise.all([listKeyIds(kms), listAliasesByKey(kms)]);
      return Promise.all(
        ids.map(async (keyId): Promise<Key> => {
          const md = await describeKey(kms, keyId);
          const policy = await this.keyPolicy(accountId, region, keyId);
          const grants = this.options.grants ? await this.keyGrants(accountId, region, keyId) : undefined;
          return keyFromApi(md, aliases.get(keyId) ?? [], policy, grants);
        }),
      );
    });
  }

  /** The key ARN a key reference (id, alias name, ARN) resolves to in the account and Region. */
  resolveKeyArn(accountId: string, region: string, keyRef: string): Promise<Fact<string>> {
    return this.once(`describe|${accountId}|${region}|${keyRef}`, 'kms:DescribeKey', async () => {
      const md = await describeKey(this.clients.get('kms', accountId, region), keyRef);
      return md.Arn ?? '';
    });
  }

  /** AMIs owned by the account, with their launch permissions. */
  images(accountId: string, region: string): Promise<Fact<Image[]>> {
    return this.once(`images|${accountId}|${region}`, 'ec2:DescribeImages', async () => {
      const ec2 = this.clients.get('ec2', accountId, region);
      const cores = await describeImages(ec2, 'owned');
      return Promise.all(
        cores.map(async (core): Promise<Image> => {
          let launchPermissions: Fact<Image['launchPermissions'] extends Fact<infer T> ? T : never>;
          try {
            launchPermissions = known(await describeLaunchPermissions(ec2, core.imageId));
          } catch (error) {
            launchPermissions = unknownFromError(error, 'ec2:DescribeImageAttribute');
          }
          return { ...core, launchPermissions };
        }),
      );
    });
  }

  /** The snapshots of the account's own AMIs, read in batches by id. */
  snapshots(accountId: string, region: string): Promise<Fact<Snapshot[]>> {
    return this.onceFact(`snapshots|${accountId}|${region}`, 'ec2:DescribeSnapshots', async () => {
      const images = await this.images(accountId, region);
      if (images.status === 'unknown') return images;
      const ids = [
        ...new Set(
          images.value.flatMap((i) =>
            i.blockDeviceMappings.flatMap((m) => (m.snapshotId ? [m.snapshotId] : [])),
          ),
        ),
      ];
      return known(
        ids.length === 0 ? [] : await describeSnapshotsById(this.clients.get('ec2', accountId, region), ids),
      );
    });
  }

  /** EBS encryption by default and its default key, resolved to a key ARN with DescribeKey. */
  ebsEncryption(accountId: string, region: string): Promise<Fact<EbsEncryption>> {
    return this.onceFact(`ebs|${accountId}|${region}`, 'ec2:GetEbsDefaultKmsKeyId', async () => {
      const defaults = await getEbsDefaults(this.clients.get('ec2', accountId, region));
      const resolved = await this.resolveKeyArn(accountId, region, defaults.defaultKmsKeyId);
      // The AWS managed key does not exist until first used: DescribeKey says NotFound, so null.
      if (resolved.status === 'unknown' && resolved.reason.code !== 'NotFound') return resolved;
      return known({ ...defaults, defaultKeyArn: resolved.status === 'known' ? resolved.value : null });
    });
  }

  imageBuilder(accountId: string, region: string): Promise<Fact<ImageBuilderFacts>> {
    return this.once(`ib|${accountId}|${region}`, 'imagebuilder:ListDistributionConfigurations', () =>
      readImageBuilder(this.clients.get('imagebuilder', accountId, region)),
    );
  }

  /** AMIs other accounts let this one launch, with their snapshots where this account can read them. */
  sharedWithMe(accountId: string, region: string): Promise<Fact<SharedImage[]>> {
    return this.once(`shared|${accountId}|${region}`, 'ec2:DescribeImages', async () => {
      const ec2 = this.clients.get('ec2', accountId, region);
      const foreign = (await describeImages(ec2, 'executable')).filter((i) => i.ownerId !== accountId);
      const ids = [
        ...new Set(
          foreign.flatMap((i) => i.blockDeviceMappings.flatMap((m) => (m.snapshotId ? [m.snapshotId] : []))),
        ),
      ];
      const visible = new Map(
        (ids.length ? await describeSnapshotsById(ec2, ids) : []).map((s) => [s.snapshotId, s] as const),
      );
      return foreign.map((image) => ({
        ...image,
        snapshots: image.blockDeviceMappings.flatMap((m) => {
          if (!m.snapshotId) return [];
          const s = visible.get(m.snapshotId);
          return [
            {
              snapshotId: m.snapshotId,
              snapshot: s
                ? known(s)
                : unknown<Snapshot>(
                    'NotFound',
                    `snapshot ${m.snapshotId} of ${image.imageId} is not visible to ${accountId} (no createVolumePermission)`,
                    'ec2:DescribeSnapshots',
                  ),
            },
          ];
        }),
      }));
    });
  }
}
