/**
 * The backing state of a synthetic organization: what the simulated AWS answers from, and what
 * {@link toInventory} turns into the inventory model for evaluator benches.
 */

export type SimLaunchPermission =
  | { readonly userId: string }
  | { readonly group: 'all' }
  | { readonly organizationArn: string }
  | { readonly organizationalUnitArn: string };

export interface SimKey {
  readonly keyId: string;
  readonly arn: string;
  readonly keyManager: 'AWS' | 'CUSTOMER';
  readonly keyState: 'Enabled' | 'Disabled' | 'PendingDeletion';
  readonly aliases: readonly string[];
  /** The `default` key policy as GetKeyPolicy returns it (JSON text; deliberately malformed in fault tests). */
  policy: string;
}

export interface SimSnapshot {
  readonly snapshotId: string;
  readonly ownerId: string;
  readonly encrypted: boolean;
  /** Key ARN, null when unencrypted. */
  readonly kmsKeyArn: string | null;
  readonly volumeSize: number;
}

export interface SimImage {
  readonly imageId: string;
  readonly ownerId: string;
  readonly name: string;
  readonly public: boolean;
  readonly creationDate: string;
  /** One EBS mapping per snapshot, `/dev/xvda`, `/dev/xvdb`, … */
  readonly snapshotIds: readonly string[];
  readonly launchPermissions: readonly SimLaunchPermission[];
}

export interface SimRole {
  readonly roleName: string;
  readonly arn: string;
  readonly roleId: string;
  readonly trustPolicy: string;
  readonly inlinePolicies: readonly { readonly policyName: string; readonly document: string }[];
}

export interface SimDistribution {
  readonly arn: string;
  readonly name: string;
  readonly region: string;
  readonly kmsKeyId?: string;
  readonly targetAccountIds: readonly string[];
}

export interface SimRegion {
  readonly region: string;
  readonly keys: SimKey[];
  readonly images: SimImage[];
  readonly snapshots: SimSnapshot[];
  readonly ebsEncryptionByDefault: boolean;
  /** As GetEbsDefaultKmsKeyId returns it. */
  readonly ebsDefaultKmsKeyId: string;
  readonly distributions: SimDistribution[];
}

export interface SimAccount {
  readonly accountId: string;
  readonly name: string;
  /** `o-…/r-…/ou-…/` */
  readonly ouPath: string;
  readonly ouIds: readonly string[];
  readonly roles: SimRole[];
  readonly regions: SimRegion[];
}

export interface SyntheticOrganization {
  readonly seed: number;
  readonly organizationId: string;
  readonly rootId: string;
  readonly managementAccountId: string;
  readonly ouIds: readonly string[];
  readonly accounts: SimAccount[];
}
