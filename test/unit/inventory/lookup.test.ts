import { describe, expect, it } from 'vitest';
import { findImage, findKey, findRole, imageSnapshots, parseKmsArn } from '../../../rules/inventory/lookup';
import { inventory } from '../../fixtures/inventory';

const A = '111111111111';
const B = '222222222222';
const R = 'eu-west-1';
const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const KEY_ARN = `arn:aws:kms:${R}:${A}:key/${KEY_ID}`;

const inv = inventory()
  .account(A, (a) =>
    a.role({ roleName: 'Builder' }).region(R, (r) =>
      r
        .key({ keyId: KEY_ID, aliases: ['alias/golden'] })
        .awsManagedEbsKey()
        .image({
          imageId: 'ami-0000000000000000a',
          snapshots: [{ key: 'alias/golden' }, {}, { key: 'alias/aws/ebs', omitFromSnapshots: true }],
        }),
    ),
  )
  .account(B, (a) => a.unknown('roles').region(R, (r) => r.unknown('keys').unknown('images', 'Throttled')))
  .build();

describe('Inventory lookups', () => {
  it.each([
    ['a key ARN', KEY_ARN, undefined],
    ['a key id in context', KEY_ID, { accountId: A, region: R }],
    ['an alias name in context', 'alias/golden', { accountId: A, region: R }],
    ['an alias ARN', `arn:aws:kms:${R}:${A}:alias/golden`, undefined],
  ])('finds a key by %s', (_name, ref, context) => {
    const key = findKey(inv, ref, context);
    expect(key).toMatchObject({ status: 'known', value: { arn: KEY_ARN } });
  });

  it('resolves alias/aws/ebs to the AWS managed key', () => {
    expect(findKey(inv, 'alias/aws/ebs', { accountId: A, region: R })).toMatchObject({
      value: { keyManager: 'AWS' },
    });
  });

  it('says "read, and not there" for a key absent from a readable Region', () => {
    expect(findKey(inv, 'alias/missing', { accountId: A, region: R })).toEqual({
      status: 'known',
      value: undefined,
    });
  });

  it("passes on the unknown when the Region's keys could not be read", () => {
    expect(findKey(inv, `arn:aws:kms:${R}:${B}:key/x`)).toMatchObject({
      status: 'unknown',
      reason: { code: 'AccessDenied' },
    });
  });

  it('is unknown, not absent, when an image is not found but some Region could not be read', () => {
    expect(findImage(inv, 'ami-0000000000000000f')).toMatchObject({
      status: 'unknown',
      reason: { code: 'Throttled' },
    });
    expect(findImage(inv, 'ami-0000000000000000a').status).toBe('known');
  });

  it("gives each snapshot of an image with its key; a snapshot missing from the Region's list is known-absent", () => {
    const loc = findImage(inv, 'ami-0000000000000000a');
    if (loc.status !== 'known' || !loc.value) throw new Error('not found');
    const snaps = imageSnapshots(inv, loc.value.region, loc.value.image);
    expect(
      snaps.map((s) => [
        s.snapshot.status === 'known' && s.snapshot.value !== undefined,
        s.key.status === 'known' ? (s.key.value?.aliases[0] ?? null) : 'unknown',
      ]),
    ).toEqual([
      [true, 'alias/golden'],
      [true, null],
      [false, null],
    ]);
  });

  it('finds roles case-insensitively and passes on unreadable roles', () => {
    expect(findRole(inv.accounts[0]!, 'builder')).toMatchObject({ value: { roleName: 'Builder' } });
    expect(findRole(inv.accounts[1]!, 'builder').status).toBe('unknown');
  });

  it('parses KMS key and alias ARNs and rejects others', () => {
    expect(parseKmsArn(KEY_ARN)).toEqual({
      partition: 'aws',
      region: R,
      accountId: A,
      resourceType: 'key',
      resource: KEY_ID,
    });
    expect(parseKmsArn(`arn:aws:kms:${R}:${A}:alias/aws/ebs`)?.resource).toBe('alias/aws/ebs');
    expect(parseKmsArn('alias/golden')).toBeUndefined();
  });
});
