import { known } from '../../rules/inventory/fact';
import type { AccountFacts, Inventory, RegionFacts, SharedImage } from '../../rules/inventory/model';
import { INVENTORY_FORMAT_VERSION } from '../../rules/inventory/model';
import type { SimImage, SimRegion, SyntheticOrganization } from './syntheticModel';

function imageFacts(image: SimImage, region: SimRegion) {
  const byId = new Map(region.snapshots.map((s) => [s.snapshotId, s]));
  return {
    imageId: image.imageId,
    name: image.name,
    ownerId: image.ownerId,
    public: image.public,
    state: 'available',
    creationDate: image.creationDate,
    blockDeviceMappings: image.snapshotIds.map((snapshotId, i) => ({
      deviceName: `/dev/xvd${String.fromCharCode(97 + i)}`,
      snapshotId,
      encrypted: byId.get(snapshotId)?.encrypted ?? false,
      volumeSize: byId.get(snapshotId)?.volumeSize ?? 8,
    })),
    tags: {},
  };
}

/**
 * The inventory model of a synthetic organization, every fact known: what the live source would
 * read from the simulated AWS, for evaluator benches. `sharedWithMe` holds the AMIs shared with
 * the account by id (organization and OU shares are left out: at 50,000 AMIs and 1,000 accounts
 * they would multiply the inventory by the account count).
 */
export function toInventory(org: SyntheticOrganization, now = new Date(Date.UTC(2026, 0, 1))): Inventory {
  const sharedWith = new Map<string, SharedImage[]>();
  for (const account of org.accounts) {
    for (const region of account.regions) {
      const snaps = new Map(region.snapshots.map((s) => [s.snapshotId, s]));
      for (const image of region.images) {
        for (const p of image.launchPermissions) {
          if (!('userId' in p)) continue;
          const key = `${p.userId}|${region.region}`;
          const list = sharedWith.get(key) ?? [];
          list.push({
            ...imageFacts(image, region),
            snapshots: image.snapshotIds.map((snapshotId) => {
              const s = snaps.get(snapshotId);
              return {
                snapshotId,
                snapshot: known({
                  snapshotId,
                  ownerId: account.accountId,
                  encrypted: s?.encrypted ?? false,
                  kmsKeyId: s?.kmsKeyArn ?? null,
                  volumeSize: s?.volumeSize ?? 8,
                }),
              };
            }),
          });
          sharedWith.set(key, list);
        }
      }
    }
  }
  const accounts: AccountFacts[] = org.accounts.map((account) => ({
    accountId: account.accountId,
    name: account.name,
    roles: known(
      account.roles.map((r) => ({
        roleName: r.roleName,
        path: '/',
        arn: r.arn,
        roleId: r.roleId,
        trustPolicy: r.trustPolicy,
        attachedPolicies: [],
        inlinePolicies: r.inlinePolicies.map((p) => ({ ...p })),
        tags: {},
      })),
    ),
    regionOptIn: known(
      Object.fromEntries(account.regions.map((r) => [r.region, 'ENABLED_BY_DEFAULT' as const])),
    ),
    regions: account.regions.map((region): RegionFacts => ({
      region: region.region,
      keys: known(
        region.keys.map((k) => ({
          keyId: k.keyId,
          arn: k.arn,
          keyManager: k.keyManager,
          keyState: k.keyState,
          enabled: k.keyState === 'Enabled',
          origin: 'AWS_KMS',
          aliases: [...k.aliases],
          policy: known(k.policy),
        })),
      ),
      images: known(
        region.images.map((image) => ({
          ...imageFacts(image, region),
          launchPermissions: known(image.launchPermissions.map((p) => ({ ...p }))),
        })),
      ),
      snapshots: known(
        region.snapshots.map((s) => ({
          snapshotId: s.snapshotId,
          ownerId: s.ownerId,
          encrypted: s.encrypted,
          kmsKeyId: s.kmsKeyArn,
          volumeSize: s.volumeSize,
        })),
      ),
      ebsEncryption: known({
        enabledByDefault: region.ebsEncryptionByDefault,
        defaultKmsKeyId: region.ebsDefaultKmsKeyId,
        defaultKeyArn:
          region.ebsDefaultKmsKeyId === 'alias/aws/ebs'
            ? (region.keys.find((k) => k.aliases.includes('alias/aws/ebs'))?.arn ?? null)
            : region.ebsDefaultKmsKeyId,
      }),
      imageBuilder: known({
        distributionConfigurations: region.distributions.map((d) => ({
          arn: d.arn,
          name: d.name,
          distributions: [
            {
              region: d.region,
              amiDistributionConfiguration: {
                ...(d.kmsKeyId ? { kmsKeyId: d.kmsKeyId } : {}),
                targetAccountIds: [...d.targetAccountIds],
              },
            },
          ],
        })),
        imageRecipes: [],
        imagePipelines: [],
        images: [],
      }),
      sharedWithMe: known(sharedWith.get(`${account.accountId}|${region.region}`) ?? []),
    })),
  }));
  return {
    formatVersion: INVENTORY_FORMAT_VERSION,
    generatedAt: now.toISOString(),
    source: { kind: 'synthetic', description: `generateOrganization seed ${org.seed}` },
    partition: 'aws',
    organization: known({
      id: org.organizationId,
      arn: `arn:aws:organizations::${org.managementAccountId}:organization/${org.organizationId}`,
      managementAccountId: org.managementAccountId,
      accounts: org.accounts.map((a) => ({
        id: a.accountId,
        name: a.name,
        status: 'ACTIVE',
        ouPath: a.ouPath,
        ouIds: [...a.ouIds],
      })),
    }),
    accounts,
  };
}
