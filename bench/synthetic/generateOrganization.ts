import type { Prng } from './prng';
import { createPrng } from './prng';
import type {
  SimAccount,
  SimDistribution,
  SimImage,
  SimKey,
  SimLaunchPermission,
  SimRegion,
  SimRole,
  SimSnapshot,
  SyntheticOrganization,
} from './syntheticModel';

export interface GenerateOptions {
  readonly seed?: number;
  /** Member accounts (1–1,000). */
  readonly accounts: number;
  readonly regions: readonly string[];
  /** AMIs in the whole organization (0–50,000), spread over accounts and Regions. */
  readonly amis: number;
  /** Customer managed keys per account and Region (the AWS managed `aws/ebs` key comes on top). */
  readonly keysPerRegion?: number;
  /** OUs under the root (accounts are spread over them). */
  readonly ous?: number;
  /** Share of customer managed keys whose policy omits a consumer the AMIs are shared with. */
  readonly brokenKeyShare?: number;
  /** `even` (default): AMIs spread over accounts and Regions. `first`: all in the first account's first Region. */
  readonly amiPlacement?: 'even' | 'first';
}

export const MAX_ACCOUNTS = 1_000;
export const MAX_AMIS = 50_000;

const EBS_USE = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'];

export function accountIdAt(index: number): string {
  return String(200_000_000_000 + index);
}

function rootArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:root`;
}

function customerKeyPolicy(
  owner: string,
  consumers: readonly string[],
  orgId: string | undefined,
  prng: Prng,
): string {
  const principals = [rootArn(owner), ...consumers.map(rootArn)];
  const statements: object[] = [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: rootArn(owner) },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'Allow access for Key Administrators',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${owner}:role/KeyAdmin` },
      Action: [
        'kms:Create*',
        'kms:Describe*',
        'kms:Enable*',
        'kms:List*',
        'kms:Put*',
        'kms:Update*',
        'kms:Revoke*',
        'kms:Disable*',
        'kms:Get*',
        'kms:Delete*',
        'kms:TagResource',
        'kms:UntagResource',
        'kms:ScheduleKeyDeletion',
        'kms:CancelKeyDeletion',
      ],
      Resource: '*',
    },
    {
      Sid: 'Allow use of the key',
      Effect: 'Allow',
      Principal: { AWS: principals },
      Action: EBS_USE,
      Resource: '*',
    },
    {
      Sid: 'Allow attachment of persistent resources',
      Effect: 'Allow',
      Principal: { AWS: principals },
      Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
      Resource: '*',
      Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
    },
  ];
  if (orgId && prng.chance(0.3)) {
    statements.push({
      Sid: 'Allow the organization',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: [...EBS_USE, 'kms:CreateGrant'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': orgId } },
    });
  }
  return JSON.stringify({ Version: '2012-10-17', Id: 'key-consolepolicy-3', Statement: statements });
}

function awsManagedEbsPolicy(owner: string, region: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Id: 'auto-ebs-2',
    Statement: [
      {
        Sid: 'Allow access through EBS for all principals in the account that are authorized to use EBS',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: [...EBS_USE.filter((a) => a !== 'kms:DescribeKey'), 'kms:CreateGrant', 'kms:DescribeKey'],
        Resource: '*',
        Condition: {
          StringEquals: { 'kms:CallerAccount': owner, 'kms:ViaService': `ec2.${region}.amazonaws.com` },
        },
      },
      {
        Sid: 'Allow direct access to key metadata to the account',
        Effect: 'Allow',
        Principal: { AWS: rootArn(owner) },
        Action: ['kms:Describe*', 'kms:Get*', 'kms:List*', 'kms:RevokeGrant'],
        Resource: '*',
      },
    ],
  });
}

function uuid(prng: Prng): string {
  return `${prng.hex(8)}-${prng.hex(4)}-4${prng.hex(3)}-a${prng.hex(3)}-${prng.hex(12)}`;
}

/** Spreads `total` over `slots` as evenly as possible (the first slots get the remainder). */
function spread(total: number, slots: number): number[] {
  const base = Math.floor(total / slots);
  return Array.from({ length: slots }, (_, i) => base + (i < total % slots ? 1 : 0));
}

function checkOptions(o: GenerateOptions): void {
  const bad = (field: string, problem: string) => {
    throw new RangeError(`generateOrganization: ${field}: ${problem}`);
  };
  if (!Number.isInteger(o.accounts) || o.accounts < 1 || o.accounts > MAX_ACCOUNTS)
    bad('accounts', `expected an integer in 1..${MAX_ACCOUNTS}, got ${o.accounts}`);
  if (!Number.isInteger(o.amis) || o.amis < 0 || o.amis > MAX_AMIS)
    bad('amis', `expected an integer in 0..${MAX_AMIS}, got ${o.amis}`);
  if (o.regions.length === 0) bad('regions', 'expected at least one Region');
  if (o.keysPerRegion !== undefined && (!Number.isInteger(o.keysPerRegion) || o.keysPerRegion < 1))
    bad('keysPerRegion', `expected an integer >= 1, got ${o.keysPerRegion}`);
}

/**
 * A synthetic organization, deterministic for a seed: accounts spread over OUs, per account and
 * Region customer managed keys with console-style policies (some omitting a consumer), the AWS
 * managed EBS key, AMIs of 1–4 snapshots shared with accounts, the organization, OUs or (when
 * unencrypted) the public, plus IAM roles and Image Builder distributions.
 */
export function generateOrganization(options: GenerateOptions): SyntheticOrganization {
  checkOptions(options);
  const seed = options.seed ?? 1;
  const prng = createPrng(seed);
  const organizationId = `o-${prng.hex(10)}`;
  const rootId = `r-${prng.hex(4)}`;
  const ouIds = Array.from({ length: options.ous ?? 5 }, () => `ou-${prng.hex(4)}-${prng.hex(8)}`);
  const managementAccountId = accountIdAt(0);
  const accountIds = Array.from({ length: options.accounts }, (_, i) => accountIdAt(i + 1));
  const slots = options.accounts * options.regions.length;
  const amiCounts =
    options.amiPlacement === 'first'
      ? [options.amis, ...Array.from({ length: slots - 1 }, () => 0)]
      : spread(options.amis, slots);
  const keysPerRegion = options.keysPerRegion ?? 8;
  const brokenShare = options.brokenKeyShare ?? 0.1;
  let amiCounter = 0;
  let snapCounter = 0;
  const orgArn = `arn:aws:organizations::${managementAccountId}:organization/${organizationId}`;

  const accounts: SimAccount[] = accountIds.map((accountId, ai) => {
    const ou = ouIds.length > 0 ? ouIds[ai % ouIds.length] : undefined;
    const ouPath = `${organizationId}/${rootId}/${ou ? `${ou}/` : ''}`;
    const others = accountIds.filter((a) => a !== accountId);
    const consumersFor = (n: number): string[] => {
      const out = new Set<string>();
      for (let i = 0; i < n && others.length > 0; i++) out.add(prng.pick(others));
      return [...out];
    };
    const regions: SimRegion[] = options.regions.map((region, ri) => {
      const awsEbsKeyId = uuid(prng);
      const keys: SimKey[] = [
        {
          keyId: awsEbsKeyId,
          arn: `arn:aws:kms:${region}:${accountId}:key/${awsEbsKeyId}`,
          keyManager: 'AWS',
          keyState: 'Enabled',
          aliases: ['alias/aws/ebs'],
          policy: awsManagedEbsPolicy(accountId, region),
        },
      ];
      const keyConsumers = new Map<string, string[]>();
      for (let k = 0; k < keysPerRegion; k++) {
        const keyId = uuid(prng);
        const consumers = consumersFor(prng.int(1, 3));
        const listed = prng.chance(brokenShare) ? consumers.slice(1) : consumers;
        const state = prng.chance(0.03) ? 'Disabled' : prng.chance(0.01) ? 'PendingDeletion' : 'Enabled';
        keys.push({
          keyId,
          arn: `arn:aws:kms:${region}:${accountId}:key/${keyId}`,
          keyManager: 'CUSTOMER',
          keyState: state,
          aliases: [`alias/ami-${k}`],
          policy: customerKeyPolicy(accountId, listed, organizationId, prng),
        });
        keyConsumers.set(keyId, consumers);
      }
      const customerKeys = keys.slice(1);
      const images: SimImage[] = [];
      const snapshots: SimSnapshot[] = [];
      const count = amiCounts[ai * options.regions.length + ri] ?? 0;
      for (let i = 0; i < count; i++) {
        const imageId = `ami-${(amiCounter++).toString(16).padStart(17, '0')}`;
        const key = prng.chance(0.9) ? prng.pick(customerKeys) : keys[0];
        const encrypted = prng.chance(0.8);
        const snapshotIds: string[] = [];
        const n = prng.int(1, 4);
        for (let s = 0; s < n; s++) {
          const snapshotId = `snap-${(snapCounter++).toString(16).padStart(17, '0')}`;
          snapshotIds.push(snapshotId);
          snapshots.push({
            snapshotId,
            ownerId: accountId,
            encrypted,
            kmsKeyArn: encrypted && key ? key.arn : null,
            volumeSize: prng.pick([8, 20, 30, 50, 100]),
          });
        }
        const roll = prng.next();
        let launchPermissions: SimLaunchPermission[];
        if (roll < 0.5) {
          const consumers = key ? (keyConsumers.get(key.keyId) ?? consumersFor(2)) : consumersFor(2);
          launchPermissions = consumers.map((userId) => ({ userId }));
        } else if (roll < 0.6) launchPermissions = [{ organizationArn: orgArn }];
        else if (roll < 0.7 && ou)
          launchPermissions = [
            {
              organizationalUnitArn: `arn:aws:organizations::${managementAccountId}:ou/${organizationId}/${ou}`,
            },
          ];
        else if (roll < 0.72 && !encrypted) launchPermissions = [{ group: 'all' }];
        else launchPermissions = [];
        images.push({
          imageId,
          ownerId: accountId,
          name: `golden-${ri}-${i}`,
          public: launchPermissions.some((p) => 'group' in p),
          creationDate: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
          snapshotIds,
          launchPermissions,
        });
      }
      const distributions: SimDistribution[] = Array.from({ length: prng.int(0, 2) }, (_, d) => ({
        arn: `arn:aws:imagebuilder:${region}:${accountId}:distribution-configuration/dist-${d}`,
        name: `dist-${d}`,
        region,
        ...(customerKeys.length > 0 ? { kmsKeyId: prng.pick(customerKeys).arn } : {}),
        targetAccountIds: consumersFor(2),
      }));
      return {
        region,
        keys,
        images,
        snapshots,
        ebsEncryptionByDefault: prng.chance(0.7),
        ebsDefaultKmsKeyId: prng.chance(0.5) ? 'alias/aws/ebs' : (customerKeys[0]?.arn ?? 'alias/aws/ebs'),
        distributions,
      };
    });
    const roles: SimRole[] = [
      {
        roleName: 'EC2ImageBuilderDistributionCrossAccountRole',
        arn: `arn:aws:iam::${accountId}:role/EC2ImageBuilderDistributionCrossAccountRole`,
        roleId: `AROA${prng.hex(16).toUpperCase()}`,
        trustPolicy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: consumersFor(1).map(rootArn) },
              Action: 'sts:AssumeRole',
            },
          ],
        }),
        inlinePolicies: [
          {
            policyName: 'kms',
            document: JSON.stringify({
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Action: [...EBS_USE, 'kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
                  Resource: '*',
                },
              ],
            }),
          },
        ],
      },
    ];
    return {
      accountId,
      name: `member-${ai + 1}`,
      ouPath,
      ouIds: ou ? [ou] : [],
      roles,
      regions,
    };
  });
  return { seed, organizationId, rootId, managementAccountId, ouIds, accounts };
}
