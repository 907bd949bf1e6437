import type { Reason } from '../core/finding';
import { findKey, imageSnapshots } from '../inventory/lookup';
import type { Inventory, Key, RegionFacts } from '../inventory/model';
import type { Purpose } from '../policy';
import type { ConsumerGroup } from '../shared-ami-key-grants-consumers/consumerGroups';
import {
  launchPermissionConfigurationGroups,
  launchPermissionGroups,
} from '../shared-ami-key-grants-consumers/consumerGroups';

/** A consumer group of a key and why it consumes it (an AMI or a distribution). */
export interface KeyConsumer {
  readonly group: ConsumerGroup;
  readonly purpose: Purpose;
  /** e.g. `ami-0abc shared` or `distribution golden (target account)`. */
  readonly via: string;
}

export interface KeyConsumers {
  readonly consumers: readonly KeyConsumer[];
  /** Facts that could not be read, so the consumer list may be incomplete. */
  readonly unreadable: readonly Reason[];
}

/**
 * Who consumes a key of the account: the consumers of the account's AMIs (in the key's Region)
 * whose snapshots use it, and the target accounts and launch permissions of the account's Image
 * Builder distributions (for the key's Region) configured with it. Pure.
 */
export function keyConsumers(
  inventory: Inventory,
  regionFacts: RegionFacts,
  key: Key,
  accountId: string,
  ignored: readonly string[],
): KeyConsumers {
  const consumers: KeyConsumer[] = [];
  const unreadable: Reason[] = [];
  if (regionFacts.images.status === 'unknown') {
    unreadable.push({
      code: 'FACT_UNREADABLE',
      message: `AMIs of ${accountId}/${regionFacts.region} unreadable (${regionFacts.images.reason.code}).`,
    });
  } else {
    for (const image of regionFacts.images.value) {
      if (image.state === 'deregistered') continue;
      const snaps = imageSnapshots(inventory, regionFacts, image);
      const uses = snaps.some((s) => s.snapshot.status === 'known' && s.snapshot.value?.kmsKeyId === key.arn);
      const unknownSnapshot = snaps.find((s) => s.snapshot.status === 'unknown');
      if (!uses) {
        if (unknownSnapshot) {
          unreadable.push({
            code: 'FACT_UNREADABLE',
            message: `Snapshots of ${image.imageId} unreadable: cannot tell whether they use this key.`,
          });
        }
        continue;
      }
      if (image.launchPermissions.status === 'unknown') {
        unreadable.push({
          code: 'FACT_UNREADABLE',
          message: `Launch permissions of ${image.imageId} unreadable (${image.launchPermissions.reason.code}).`,
        });
        continue;
      }
      for (const group of launchPermissionGroups(image.launchPermissions.value, image.ownerId, ignored)) {
        consumers.push({ group, purpose: 'launch', via: `${image.imageId} shared` });
      }
    }
  }
  const ib = regionFacts.imageBuilder;
  if (ib.status === 'unknown') {
    unreadable.push({
      code: 'FACT_UNREADABLE',
      message: `Image Builder of ${accountId}/${regionFacts.region} unreadable (${ib.reason.code}).`,
    });
  } else {
    for (const dc of ib.value.distributionConfigurations) {
      for (const d of dc.distributions) {
        const ami = d.amiDistributionConfiguration;
        if (!ami?.kmsKeyId) continue;
        const resolved = findKey(inventory, ami.kmsKeyId, { accountId, region: d.region });
        if (resolved.status !== 'known' || resolved.value?.arn !== key.arn) continue;
        for (const target of new Set(ami.targetAccountIds ?? [])) {
          if (target === accountId || ignored.includes(target)) continue;
          consumers.push({
            group: { kind: 'account', accountId: target },
            purpose: 'imagebuilder-target',
            via: `distribution ${dc.name} (target account)`,
          });
        }
        for (const group of launchPermissionConfigurationGroups(ami.launchPermission, accountId, ignored)) {
          consumers.push({ group, purpose: 'launch', via: `distribution ${dc.name} (launch permission)` });
        }
      }
    }
  }
  return { consumers, unreadable };
}
