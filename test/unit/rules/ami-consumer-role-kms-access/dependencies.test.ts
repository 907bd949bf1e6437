import { describe, expect, it } from 'vitest';
import { foreignImageKeyTargets } from '../../../../rules/ami-consumer-role-kms-access';
import { foreignSnapshotKeyTargets } from '../../../../rules/shared-ami-uses-customer-managed-key';
import type { Snapshot } from '../../../../rules/inventory/model';
import type { Fact } from '../../../../rules/inventory/fact';
import { inventory } from '../../../fixtures/inventory';

const OWNER = '111111111111';
const CONSUMER = '222222222222';
const KEY_OWNER = '333333333333';
const REGION = 'eu-west-1';
const foreignKey = `arn:aws:kms:${REGION}:${KEY_OWNER}:key/1234abcd-12ab-34cd-56ef-00000000000a`;

function sharedWith(snapshot: Fact<Snapshot>, imageId = 'ami-0000000000000000a') {
  return {
    imageId,
    ownerId: OWNER,
    public: false,
    state: 'available',
    blockDeviceMappings: [{ deviceName: '/dev/xvda', snapshotId: 'snap-0000000000000000a', encrypted: true }],
    tags: {},
    snapshots: [{ snapshotId: 'snap-0000000000000000a', snapshot }],
  };
}

describe('Launch rules: dependency accounts to read (pure)', () => {
  it("reads the owner's AMIs and keys when the consumer cannot see a shared AMI's snapshot", () => {
    const inv = inventory()
      .account(CONSUMER, (a) =>
        a.region(REGION, (r) =>
          r.sharedImage(
            sharedWith({ status: 'unknown', reason: { code: 'NotFound', message: 'not visible' } }),
          ),
        ),
      )
      .build();
    expect(foreignImageKeyTargets(inv, CONSUMER, REGION, [])).toEqual([
      { accountId: OWNER, regions: [REGION], families: ['images', 'keys'] },
    ]);
  });

  it("reads only the key owner's keys when the snapshot is visible, and the extra shared-AMI Regions of the account", () => {
    const inv = inventory()
      .account(CONSUMER, (a) =>
        a.region(REGION, (r) =>
          r.sharedImage(
            sharedWith({
              status: 'known',
              value: {
                snapshotId: 'snap-0000000000000000a',
                ownerId: OWNER,
                encrypted: true,
                kmsKeyId: foreignKey,
              },
            }),
          ),
        ),
      )
      .build();
    expect(foreignImageKeyTargets(inv, CONSUMER, REGION, ['us-east-1'])).toEqual([
      { accountId: CONSUMER, regions: ['us-east-1'], families: ['sharedWithMe'] },
      { accountId: KEY_OWNER, regions: [REGION], families: ['keys'] },
    ]);
  });

  it("reads the accounts of other accounts' keys that the owner's own snapshots use", () => {
    const inv = inventory()
      .account(OWNER, (a) => a.region(REGION, (r) => r.image({ snapshots: [{ key: foreignKey }] }).key()))
      .build();
    expect(foreignSnapshotKeyTargets(inv, OWNER, REGION)).toEqual([
      { accountId: KEY_OWNER, regions: [REGION], families: ['keys'] },
    ]);
  });
});
