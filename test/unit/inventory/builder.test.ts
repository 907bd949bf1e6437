import { describe, expect, it } from 'vitest';
import { InventorySchema } from '../../../rules/inventory/model';
import { findImage, findKey, imageSnapshots, ouPathOf } from '../../../rules/inventory/lookup';
import { inventory } from '../../fixtures/inventory';

describe('Inventory fixture builder', () => {
  it('builds an inventory the model accepts, with a root-delegation key policy by default', () => {
    // Prepare / Act
    const inv = inventory()
      .org({
        managementAccountId: '111111111111',
        accounts: [{ id: '111111111111' }, { id: '222222222222', ouIds: ['ou-ab12-cdefgh12'] }],
      })
      .account('111111111111', (a) =>
        a.region('us-east-1', (r) =>
          r
            .key({ aliases: ['alias/ami'] })
            .awsManagedEbsKey()
            .image({
              imageId: 'ami-0123456789abcdef0',
              snapshots: [{ key: 'alias/ami' }, { key: 'alias/aws/ebs' }],
              sharedWith: ['222222222222'],
            }),
        ),
      )
      .account('222222222222', (a) => a.crossAccountDistributionRole({ sourceAccountIds: ['111111111111'] }))
      .build();

    // Assess
    expect(InventorySchema.safeParse(inv).success).toBe(true);
    const key = findKey(inv, 'alias/ami', { accountId: '111111111111', region: 'us-east-1' });
    expect(key.status === 'known' && key.value?.policy).toEqual({
      status: 'known',
      value: expect.stringContaining('arn:aws:iam::111111111111:root'),
    });
    expect(ouPathOf(inv, '222222222222')).toBe('o-exampleorg1/r-exmp/ou-ab12-cdefgh12/');
    const found = findImage(inv, 'ami-0123456789abcdef0');
    if (found.status !== 'known' || !found.value) throw new Error('image not found');
    const snaps = imageSnapshots(inv, found.value.region, found.value.image);
    expect(snaps.map((s) => (s.key.status === 'known' ? s.key.value?.keyManager : 'unknown'))).toEqual([
      'CUSTOMER',
      'AWS',
    ]);
  });

  it('marks a fact family unreadable with a typed reason', () => {
    const inv = inventory()
      .account('111111111111', (a) => a.region('eu-west-1', (r) => r.unknown('keys', 'AccessDenied')))
      .build();
    expect(inv.accounts[0]?.regions[0]?.keys).toMatchObject({
      status: 'unknown',
      reason: { code: 'AccessDenied' },
    });
  });
});
