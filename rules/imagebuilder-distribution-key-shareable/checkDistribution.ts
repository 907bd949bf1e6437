import type { GlobPattern } from '../core/ruleParameters';
import type {
  Distribution,
  DistributionConfiguration,
  LaunchPermissionConfiguration,
} from '../inventory/imageBuilderModel';
import type { Inventory, Key } from '../inventory/model';
import { keyReferenceProblems, keySharingProblems } from './keyProblems';
import type { Problem } from './problem';
import { shortKey } from './problem';
import { resolveKmsKey, keyOwner } from './resolveKmsKey';

export const DISTRIBUTION_CONFIGURATION = 'AWS::ImageBuilder::DistributionConfiguration';

/** Options shared by the Image Builder rules. */
export interface SharingOptions {
  /** Target accounts the rules do not judge. */
  readonly ignoredTargetAccountIds: readonly string[];
  /** Keys (ARN, id or alias, glob) the rules do not judge. */
  readonly excludedKeys: readonly GlobPattern[];
}

/** Whether any launch permission (accounts, `all`, organizations, OUs) is configured. */
export function hasLaunchPermission(lp: LaunchPermissionConfiguration | undefined): boolean {
  if (!lp) return false;
  return (
    (lp.userIds?.length ?? 0) > 0 ||
    (lp.userGroups?.length ?? 0) > 0 ||
    (lp.organizationArns?.length ?? 0) > 0 ||
    (lp.organizationalUnitArns?.length ?? 0) > 0
  );
}

/** Who one Region's distribution shares the image with, beyond the source account. */
export interface DistributionSharing {
  readonly region: string;
  /** `targetAccountIds` other than the source account, minus ignored ones. */
  readonly targetAccountIds: readonly string[];
  readonly launchPermission: boolean;
  readonly kmsKeyId?: string;
}

export function distributionSharing(
  distribution: Distribution,
  sourceAccountId: string,
  options: SharingOptions,
): DistributionSharing {
  const ami = distribution.amiDistributionConfiguration;
  const targets = [...new Set(ami?.targetAccountIds ?? [])].filter(
    (t) => t !== sourceAccountId && !options.ignoredTargetAccountIds.includes(t),
  );
  return {
    region: distribution.region,
    targetAccountIds: targets,
    launchPermission: hasLaunchPermission(ami?.launchPermission),
    ...(ami?.kmsKeyId ? { kmsKeyId: ami.kmsKeyId } : {}),
  };
}

export function sharesBeyondAccount(s: DistributionSharing): boolean {
  return s.targetAccountIds.length > 0 || s.launchPermission;
}

/** The Regions of a distribution configuration that share the image with other accounts. */
export function sharingDistributions(
  dc: DistributionConfiguration,
  sourceAccountId: string,
  options: SharingOptions,
): DistributionSharing[] {
  return dc.distributions
    .map((d) => distributionSharing(d, sourceAccountId, options))
    .filter(sharesBeyondAccount);
}

export function isExcludedKey(ref: string, key: Key | undefined, options: SharingOptions): boolean {
  const names = [ref, ...(key ? [key.arn, key.keyId, ...key.aliases] : [])];
  return options.excludedKeys.some((g) => names.some((n) => g.matches(n)));
}

/** The customer managed keys a distribution encrypts its copies with, by Region (usable ones only). */
export interface DistributionKeys {
  readonly problems: Problem[];
  /** Region → the distribution key, when it is a usable customer managed key. */
  readonly keysByRegion: ReadonlyMap<string, Key>;
}

/**
 * Checks the keys of a distribution configuration (rule `imagebuilder-distribution-key-shareable`):
 * for each Region that shares the image with other accounts and names a key, the key is not the
 * AWS managed key (D2), exists and is enabled (G2), lets Image Builder's service-linked role use
 * it for launch-permission distributions (D6), and is shared both ways with each target account
 * (D12, key side).
 */
export function checkDistributionConfiguration(
  inventory: Inventory,
  sourceAccountId: string,
  dc: DistributionConfiguration,
  options: SharingOptions,
): DistributionKeys {
  const problems: Problem[] = [];
  const keysByRegion = new Map<string, Key>();
  for (const sharing of sharingDistributions(dc, sourceAccountId, options)) {
    const ref = sharing.kmsKeyId;
    if (ref === undefined) continue;
    const resolution = resolveKmsKey(inventory, ref, { accountId: sourceAccountId, region: sharing.region });
    const resolvedKey =
      resolution.kind === 'customer' || resolution.kind === 'aws-managed' ? resolution.key : undefined;
    if (isExcludedKey(ref, resolvedKey, options)) continue;
    const what = `the ${sharing.region} distribution key`;
    const checked = keyReferenceProblems(
      resolution,
      { what, accountId: sourceAccountId, region: sharing.region },
      (subject) => ({
        code: 'DISTRIBUTION_USES_AWS_MANAGED_KEY',
        message: `The ${sharing.region} distribution encrypts with the AWS managed key (${shortKey(ref)}), which cannot be shared with other accounts.`,
        scenarios: ['D2'],
        subject,
        fix: {
          summary: `Set amiDistributionConfiguration.kmsKeyId for ${sharing.region} in ${dc.name} to a customer managed key shared with the target accounts.`,
          steps: [
            `Create (or pick) a customer managed key in ${sharing.region} whose policy allows ${[sourceAccountId, ...sharing.targetAccountIds].join(', ')}.`,
            `Update distribution configuration ${dc.arn}: Distributions[${sharing.region}].AmiDistributionConfiguration.KmsKeyId = that key's ARN.`,
          ],
        },
      }),
    );
    problems.push(...checked.problems);
    const key = checked.key;
    if (!key) continue;
    keysByRegion.set(sharing.region, key);
    if (sharing.launchPermission) {
      problems.push(...keySharingProblems(inventory, key, sourceAccountId, 'imagebuilder-service', what));
    }
    const owner = keyOwner(key);
    for (const target of sharing.targetAccountIds) {
      // Keys are shared both ways (KC-B): a source key with each target, a target's key with the source.
      const consumers =
        owner === sourceAccountId
          ? [target]
          : owner === target
            ? [sourceAccountId]
            : [target, sourceAccountId];
      for (const consumer of consumers) {
        problems.push(...keySharingProblems(inventory, key, consumer, 'imagebuilder-target', what));
      }
    }
  }
  return { problems, keysByRegion };
}
