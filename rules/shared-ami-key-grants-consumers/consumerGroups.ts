import type { LaunchPermissionConfiguration } from '../inventory/imageBuilderModel';
import type { LaunchPermission } from '../inventory/model';

/**
 * Who may launch (or receive) an image, as the key policy must see it: one account, every
 * account of an organization, or every account under an OU (nested OUs included).
 */
export type ConsumerGroup =
  | { readonly kind: 'account'; readonly accountId: string }
  | { readonly kind: 'organization'; readonly arn: string; readonly orgId: string }
  | {
      readonly kind: 'organizational-unit';
      readonly arn: string;
      readonly orgId: string;
      readonly ouId: string;
    };

/** `arn:aws:organizations::111111111111:organization/o-abc` → `o-abc`. */
export function orgIdOfArn(arn: string): string | undefined {
  return /:organization\/(o-[a-z0-9]+)$/.exec(arn)?.[1];
}

/** `arn:aws:organizations::111111111111:ou/o-abc/ou-xyz` → `{ orgId: 'o-abc', ouId: 'ou-xyz' }`. */
export function ouOfArn(arn: string): { orgId: string; ouId: string } | undefined {
  const m = /:ou\/(o-[a-z0-9]+)\/(ou-[a-z0-9-]+)$/.exec(arn);
  return m?.[1] && m[2] ? { orgId: m[1], ouId: m[2] } : undefined;
}

/** A group in words: the account id, or the organization / OU ARN's last part. */
export function consumerLabel(group: ConsumerGroup): string {
  if (group.kind === 'account') return group.accountId;
  if (group.kind === 'organization') return `organization ${group.orgId}`;
  return `OU ${group.ouId}`;
}

/** The value of `Finding.consumer`: the account id, or the organization / OU ARN. */
export function consumerRef(group: ConsumerGroup): string {
  return group.kind === 'account' ? group.accountId : group.arn;
}

interface Sharing {
  readonly userIds: readonly string[];
  readonly organizationArns: readonly string[];
  readonly organizationalUnitArns: readonly string[];
}

function groupsOf(sharing: Sharing, ownerAccountId: string, ignored: readonly string[]): ConsumerGroup[] {
  const groups: ConsumerGroup[] = [];
  for (const accountId of new Set(sharing.userIds)) {
    if (accountId !== ownerAccountId && !ignored.includes(accountId))
      groups.push({ kind: 'account', accountId });
  }
  for (const arn of new Set(sharing.organizationArns)) {
    const orgId = orgIdOfArn(arn);
    if (orgId) groups.push({ kind: 'organization', arn, orgId });
  }
  for (const arn of new Set(sharing.organizationalUnitArns)) {
    const ou = ouOfArn(arn);
    if (ou) groups.push({ kind: 'organizational-unit', arn, ...ou });
  }
  return groups;
}

/**
 * The consumers an AMI's launch permissions name, without the owner, ignored accounts and the
 * public group (encrypted AMIs cannot be public: shared-ami-uses-customer-managed-key reports it).
 */
export function launchPermissionGroups(
  permissions: readonly LaunchPermission[],
  ownerAccountId: string,
  ignored: readonly string[] = [],
): ConsumerGroup[] {
  return groupsOf(
    {
      userIds: permissions.flatMap((p) => ('userId' in p ? [p.userId] : [])),
      organizationArns: permissions.flatMap((p) => ('organizationArn' in p ? [p.organizationArn] : [])),
      organizationalUnitArns: permissions.flatMap((p) =>
        'organizationalUnitArn' in p ? [p.organizationalUnitArn] : [],
      ),
    },
    ownerAccountId,
    ignored,
  );
}

/** The consumers an Image Builder distribution's launch permission configuration names. */
export function launchPermissionConfigurationGroups(
  config: LaunchPermissionConfiguration | undefined,
  ownerAccountId: string,
  ignored: readonly string[] = [],
): ConsumerGroup[] {
  return groupsOf(
    {
      userIds: config?.userIds ?? [],
      organizationArns: config?.organizationArns ?? [],
      organizationalUnitArns: config?.organizationalUnitArns ?? [],
    },
    ownerAccountId,
    ignored,
  );
}
