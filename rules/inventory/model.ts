import { z } from 'zod';
import { factSchema } from './fact';
import { ImageBuilderFactsSchema } from './imageBuilderModel';
import {
  accountIdSchema,
  arnSchema,
  iamRoleArnSchema,
  imageIdSchema,
  isoDateTimeSchema,
  kmsKeyArnSchema,
  organizationIdSchema,
  ouPathSchema,
  regionSchema,
  snapshotIdSchema,
} from './patterns';

/**
 * The facts model. The schema IS the inventory file format (`formatVersion: 1`);
 * `docs/inventory.schema.json` is generated from {@link InventorySchema}.
 * Every fact read from AWS is a `Fact<T>`: known with its value, or unknown with its reason.
 */

export const INVENTORY_FORMAT_VERSION = 1;

// ---- Organizations -------------------------------------------------------------------------

export const OrganizationAccountSchema = z.strictObject({
  id: accountIdSchema,
  name: z.string().optional(),
  /** `ACTIVE`, `SUSPENDED`, `PENDING_CLOSURE`, as Organizations reports it. */
  status: z.string().optional(),
  /** The `aws:PrincipalOrgPaths` form: `o-abc/r-root/ou-x/ou-y/`. */
  ouPath: ouPathSchema,
  /** The OUs from the root down to the account's parent (root excluded). */
  ouIds: z.array(z.string()),
});
export type OrganizationAccount = z.infer<typeof OrganizationAccountSchema>;

export const OrganizationSchema = z.strictObject({
  id: organizationIdSchema,
  arn: arnSchema.optional(),
  managementAccountId: accountIdSchema,
  accounts: z.array(OrganizationAccountSchema),
});
export type Organization = z.infer<typeof OrganizationSchema>;

// ---- IAM (global) --------------------------------------------------------------------------

export const AttachedPolicySchema = z.strictObject({
  policyName: z.string(),
  policyArn: arnSchema,
  /** The default version's document (JSON text). */
  document: factSchema(z.string()),
});
export type AttachedPolicy = z.infer<typeof AttachedPolicySchema>;

export const InlinePolicySchema = z.strictObject({
  policyName: z.string(),
  /** JSON text (URL-decoded). */
  document: z.string(),
});
export type InlinePolicy = z.infer<typeof InlinePolicySchema>;

export const RoleSchema = z.strictObject({
  roleName: z.string().min(1),
  path: z.string(),
  arn: iamRoleArnSchema,
  roleId: z.string(),
  /** The trust (assume-role) policy, JSON text (URL-decoded). */
  trustPolicy: z.string(),
  attachedPolicies: z.array(AttachedPolicySchema),
  inlinePolicies: z.array(InlinePolicySchema),
  permissionsBoundaryArn: arnSchema.optional(),
  tags: z.record(z.string(), z.string()),
});
export type Role = z.infer<typeof RoleSchema>;

export const REGION_OPT_STATUSES = [
  'ENABLED',
  'ENABLING',
  'DISABLING',
  'DISABLED',
  'ENABLED_BY_DEFAULT',
] as const;
export const RegionOptStatusSchema = z.enum(REGION_OPT_STATUSES);
export type RegionOptStatus = z.infer<typeof RegionOptStatusSchema>;

// ---- KMS -----------------------------------------------------------------------------------

export const GrantSchema = z.strictObject({
  grantId: z.string(),
  name: z.string().optional(),
  granteePrincipal: z.string(),
  retiringPrincipal: z.string().optional(),
  issuingAccount: z.string().optional(),
  operations: z.array(z.string()),
  constraints: z
    .strictObject({
      encryptionContextSubset: z.record(z.string(), z.string()).optional(),
      encryptionContextEquals: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
});
export type Grant = z.infer<typeof GrantSchema>;

export const KeySchema = z.strictObject({
  keyId: z.string().min(1),
  arn: kmsKeyArnSchema,
  keyManager: z.enum(['AWS', 'CUSTOMER']),
  /** `Enabled`, `Disabled`, `PendingDeletion`, `PendingImport`, `Unavailable`, … */
  keyState: z.string(),
  enabled: z.boolean(),
  deletionDate: isoDateTimeSchema.optional(),
  /** `AWS_KMS`, `EXTERNAL`, `AWS_CLOUDHSM`, `EXTERNAL_KEY_STORE`. */
  origin: z.string(),
  description: z.string().optional(),
  /** Alias names pointing at the key, e.g. `alias/aws/ebs`. */
  aliases: z.array(z.string().startsWith('alias/', 'expected an alias name (alias/…)')),
  /** The `default` key policy, JSON text. */
  policy: factSchema(z.string()),
  grants: factSchema(z.array(GrantSchema)).optional(),
});
export type Key = z.infer<typeof KeySchema>;

// ---- EC2 -----------------------------------------------------------------------------------

export const LaunchPermissionSchema = z.union([
  z.strictObject({ userId: accountIdSchema }),
  z.strictObject({ group: z.literal('all') }),
  z.strictObject({ organizationArn: arnSchema }),
  z.strictObject({ organizationalUnitArn: arnSchema }),
]);
export type LaunchPermission = z.infer<typeof LaunchPermissionSchema>;

export const CreateVolumePermissionSchema = z.union([
  z.strictObject({ userId: accountIdSchema }),
  z.strictObject({ group: z.literal('all') }),
]);
export type CreateVolumePermission = z.infer<typeof CreateVolumePermissionSchema>;

export const ImageBlockDeviceMappingSchema = z.strictObject({
  deviceName: z.string(),
  snapshotId: snapshotIdSchema.optional(),
  encrypted: z.boolean().optional(),
  volumeSize: z.number().optional(),
});
export type ImageBlockDeviceMapping = z.infer<typeof ImageBlockDeviceMappingSchema>;

const imageFields = {
  imageId: imageIdSchema,
  name: z.string().optional(),
  ownerId: accountIdSchema,
  public: z.boolean(),
  /** `available`, `pending`, `failed`, `deregistered`, … */
  state: z.string(),
  creationDate: z.string().optional(),
  sourceImageId: z.string().optional(),
  sourceImageRegion: z.string().optional(),
  blockDeviceMappings: z.array(ImageBlockDeviceMappingSchema),
  tags: z.record(z.string(), z.string()),
};

/** An AMI owned by the account. */
export const ImageSchema = z.strictObject({
  ...imageFields,
  launchPermissions: factSchema(z.array(LaunchPermissionSchema)),
});
export type Image = z.infer<typeof ImageSchema>;

export const SnapshotSchema = z.strictObject({
  snapshotId: snapshotIdSchema,
  ownerId: accountIdSchema,
  encrypted: z.boolean(),
  /** The full key ARN, as DescribeSnapshots returns it; null when unencrypted. */
  kmsKeyId: kmsKeyArnSchema.nullable(),
  volumeSize: z.number().optional(),
  createVolumePermissions: factSchema(z.array(CreateVolumePermissionSchema)).optional(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

/** An AMI another account shares with this one (consumer side), with its foreign snapshots where readable. */
export const SharedImageSchema = z.strictObject({
  ...imageFields,
  snapshots: z.array(z.strictObject({ snapshotId: snapshotIdSchema, snapshot: factSchema(SnapshotSchema) })),
});
export type SharedImage = z.infer<typeof SharedImageSchema>;

export const EbsEncryptionSchema = z.strictObject({
  enabledByDefault: z.boolean(),
  /** As GetEbsDefaultKmsKeyId returns it: `alias/aws/ebs` or a key ARN. */
  defaultKmsKeyId: z.string(),
  /** Resolved with DescribeKey; null when it could not be resolved (e.g. the AWS managed key does not exist yet). */
  defaultKeyArn: kmsKeyArnSchema.nullable(),
});
export type EbsEncryption = z.infer<typeof EbsEncryptionSchema>;

// ---- Regions, accounts, inventory ----------------------------------------------------------

export const RegionFactsSchema = z.strictObject({
  region: regionSchema,
  keys: factSchema(z.array(KeySchema)),
  /** AMIs owned by the account. */
  images: factSchema(z.array(ImageSchema)),
  /** Snapshots of the owned AMIs. */
  snapshots: factSchema(z.array(SnapshotSchema)),
  ebsEncryption: factSchema(EbsEncryptionSchema),
  imageBuilder: factSchema(ImageBuilderFactsSchema),
  sharedWithMe: factSchema(z.array(SharedImageSchema)),
  /** SSM parameters named by `ssm:` parent images, by parameter name. */
  ssmParameters: z.record(z.string(), factSchema(z.string())).optional(),
});
export type RegionFacts = z.infer<typeof RegionFactsSchema>;

export const AccountFactsSchema = z.strictObject({
  accountId: accountIdSchema,
  name: z.string().optional(),
  roles: factSchema(z.array(RoleSchema)),
  regionOptIn: factSchema(z.record(z.string(), RegionOptStatusSchema)),
  regions: z.array(RegionFactsSchema),
});
export type AccountFacts = z.infer<typeof AccountFactsSchema>;

export const FACT_FAMILIES = [
  'organization',
  'roles',
  'regionOptIn',
  'keys',
  'images',
  'ebsEncryption',
  'imageBuilder',
  'sharedWithMe',
] as const;
export type FactFamily = (typeof FACT_FAMILIES)[number];

export const InventorySchema = z
  .strictObject({
    formatVersion: z.literal(INVENTORY_FORMAT_VERSION),
    generatedAt: isoDateTimeSchema,
    source: z.strictObject({
      kind: z.enum(['live', 'file', 'synthetic', 'demo']),
      description: z.string().optional(),
    }),
    partition: z.string().regex(/^aws(-[a-z]+)*$/, 'expected an AWS partition such as aws'),
    /** null: not in an organization, or not collected. */
    organization: factSchema(OrganizationSchema).nullable(),
    accounts: z.array(AccountFactsSchema),
    /** How the inventory was collected (live source only): scope and API calls by name. */
    collection: z
      .strictObject({
        regions: z.array(regionSchema),
        families: z.array(z.enum(FACT_FAMILIES)),
        apiCalls: z.record(z.string(), z.number().int().nonnegative()),
        durationMs: z.number().nonnegative(),
      })
      .optional(),
  })
  .meta({
    title: 'ami-share-guard inventory',
    description: 'Facts about AMIs, snapshots, KMS keys, IAM roles and Image Builder across an organization.',
  });
export type Inventory = z.infer<typeof InventorySchema>;
