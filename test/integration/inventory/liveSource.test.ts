import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateAccountCommand,
  CreateOrganizationCommand,
  CreateOrganizationalUnitCommand,
  DescribeCreateAccountStatusCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Fact } from '../../../rules/inventory/fact';
import { loadInventoryFile, writeInventoryFile } from '../../../rules/inventory/inventoryFile';
import { INVENTORY_READ_ACTIONS } from '../../../rules/inventory/readPermissions';
import { LiveInventorySource } from '../../../rules/inventory/live/LiveInventorySource';
import { collectInventory } from '../../../rules/inventory/live/collectInventory';
import { findImage, findKey, findRegion, findRole, imageSnapshots } from '../../../rules/inventory/lookup';
import type { Inventory } from '../../../rules/inventory/model';
import { DEFAULT_ACCOUNT, InventoryEmulator } from './inventoryEmulator';
import type { Seeded } from './seedOrganizationAccounts';
import {
  CONSUMER,
  ORG_ARN,
  OTHER_REGION,
  OU_ARN,
  REGION,
  SHARED_KEY_POLICY,
  SOURCE,
  THIRD,
  seedOrganizationAccounts,
} from './seedOrganizationAccounts';

function value<T>(fact: Fact<T> | undefined): T {
  if (!fact || fact.status !== 'known') throw new Error(`expected a known fact, got ${JSON.stringify(fact)}`);
  return fact.value;
}

let emulator: InventoryEmulator;
let seeded: Seeded;

beforeAll(async () => {
  emulator = await InventoryEmulator.start();
});
afterAll(async () => {
  await emulator.stop();
});
beforeEach(async () => {
  await emulator.reset();
  seeded = await seedOrganizationAccounts(emulator);
});

async function collect(
  denied: readonly string[] = [],
): Promise<{ inv: Inventory; source: LiveInventorySource }> {
  const source = new LiveInventorySource({ configFor: emulator.configFor({ denied }), homeRegion: REGION });
  const inv = await collectInventory(
    source,
    {
      accountIds: [SOURCE, CONSUMER, THIRD],
      regions: [REGION, OTHER_REGION],
      families: ['roles', 'regionOptIn', 'keys', 'images', 'ebsEncryption'],
    },
    { description: 'emulator' },
  );
  return { inv, source };
}

describe('Live inventory source (moto emulator, several accounts)', () => {
  it('reads AMIs, their snapshots and each snapshot key (customer managed and AWS managed)', async () => {
    // Act
    const { inv } = await collect();

    // Assess
    const twoKeys = value(findImage(inv, seeded.images.twoKeys));
    const snaps = imageSnapshots(inv, twoKeys!.region, twoKeys!.image);
    expect(snaps.map((s) => value(s.snapshot)?.kmsKeyId)).toEqual([
      seeded.sharedKeyArn,
      seeded.awsManagedKeyArn,
    ]);
    expect(snaps.map((s) => value(s.key)?.keyManager)).toEqual(['CUSTOMER', 'AWS']);
    expect(value(findKey(inv, seeded.sharedKeyArn))?.aliases).toEqual(['alias/golden']);
    expect(value(findKey(inv, 'alias/aws/ebs', { accountId: SOURCE, region: REGION }))?.arn).toBe(
      seeded.awsManagedKeyArn,
    );
  });

  it('reads the launch permissions to an account, an organization and an OU', async () => {
    const { inv } = await collect();
    const shared = value(findImage(inv, seeded.images.shared));
    expect(value(shared!.image.launchPermissions)).toEqual([
      { userId: CONSUMER },
      { organizationArn: ORG_ARN },
      { organizationalUnitArn: OU_ARN },
    ]);
    const third = value(findImage(inv, seeded.images.third));
    expect(value(third!.image.launchPermissions)).toEqual([]);
  });

  it('reads key policies as written', async () => {
    const { inv } = await collect();
    expect(JSON.parse(value(value(findKey(inv, seeded.sharedKeyArn))!.policy))).toEqual(
      JSON.parse(SHARED_KEY_POLICY),
    );
  });

  it('reads the EBS default key as returned and resolved to its ARN', async () => {
    const { inv } = await collect();
    expect(value(findRegion(inv, SOURCE, REGION)!.ebsEncryption)).toEqual({
      enabledByDefault: false,
      defaultKmsKeyId: 'alias/aws/ebs',
      defaultKeyArn: seeded.awsManagedKeyArn,
    });
    expect(value(findRegion(inv, SOURCE, OTHER_REGION)!.ebsEncryption).defaultKeyArn).toBe(
      seeded.otherRegionKeyArn,
    );
  });

  it('reads roles with trust policy, inline and attached policy documents in the consumer account', async () => {
    const { inv } = await collect();
    const role = value(findRole(inv.accounts[1]!, 'EC2ImageBuilderDistributionCrossAccountRole'));
    expect(JSON.parse(role!.trustPolicy).Statement[0].Principal.AWS).toBe(`arn:aws:iam::${SOURCE}:root`);
    expect(role!.inlinePolicies.map((p) => p.policyName)).toEqual(['kms']);
    expect(role!.attachedPolicies).toHaveLength(1);
    expect(JSON.parse(value(role!.attachedPolicies[0]!.document)).Statement[0].Action).toContain(
      'ec2:CopyImage',
    );
  });

  it('reads each key policy once per run however many AMIs use the key', async () => {
    // Prepare: three AMIs use the shared key
    const { inv, source } = await collect();
    const keysInScope = inv.accounts.flatMap((a) => a.regions.flatMap((r) => value(r.keys)));

    // Act: rules asking again
    await source.keyPolicy(SOURCE, REGION, value(findKey(inv, seeded.sharedKeyArn))!.keyId);
    await source.keys(SOURCE, REGION);

    // Assess
    expect(source.counter.count('kms:GetKeyPolicy')).toBe(keysInScope.length);
    expect(source.counter.count('ec2:DescribeSnapshots')).toBe(1); // one batch for the region with AMIs
    expect(inv.collection?.apiCalls['kms:GetKeyPolicy']).toBe(keysInScope.length);
  });

  it('gives typed AccessDenied unknowns for an account it cannot reach and reads the others in full', async () => {
    const { inv } = await collect([CONSUMER]);
    const consumer = inv.accounts.find((a) => a.accountId === CONSUMER)!;
    expect(consumer.roles).toMatchObject({ status: 'unknown', reason: { code: 'AccessDenied' } });
    for (const r of consumer.regions)
      for (const fact of [r.keys, r.images, r.snapshots, r.ebsEncryption])
        expect(fact).toMatchObject({ status: 'unknown', reason: { code: 'AccessDenied' } });
    const sourceAccount = inv.accounts.find((a) => a.accountId === SOURCE)!;
    expect(value(sourceAccount.regions[0]!.images)).toHaveLength(3);
    expect(sourceAccount.roles.status).toBe('known');
  });

  it('calls only APIs listed in INVENTORY_READ_ACTIONS', async () => {
    const { source } = await collect();
    const called = Object.keys(source.counter.snapshot());
    expect(called.length).toBeGreaterThan(5);
    expect(called.filter((api) => !INVENTORY_READ_ACTIONS.includes(api))).toEqual([]);
  });

  it('marks fact families outside the scope as NotCollected, never as empty', async () => {
    const { inv } = await collect();
    expect(inv.accounts[0]!.regions[0]!.imageBuilder).toMatchObject({
      status: 'unknown',
      reason: { code: 'NotCollected' },
    });
    expect(inv.organization).toBeNull();
  });

  it('gives an inventory that, written to a file and loaded back, is equal', async () => {
    const { inv } = await collect([THIRD]);
    const path = join(await mkdtemp(join(tmpdir(), 'asg-live-')), 'inventory.json');
    await writeInventoryFile(path, inv);
    expect(await loadInventoryFile(path)).toEqual(inv);
  });

  it("reads the organization with each account's OU path in the aws:PrincipalOrgPaths form", async () => {
    // Prepare: an organization managed by the caller, an account two OUs down
    const orgs = new OrganizationsClient(await emulator.config(DEFAULT_ACCOUNT, REGION));
    const org = await orgs.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const rootId = (await orgs.send(new ListRootsCommand({}))).Roots?.[0]?.Id ?? '';
    const ou = await orgs.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'workloads' }));
    const ouId = ou.OrganizationalUnit?.Id ?? '';
    const child = await orgs.send(new CreateOrganizationalUnitCommand({ ParentId: ouId, Name: 'prod' }));
    const childId = child.OrganizationalUnit?.Id ?? '';
    const created = await orgs.send(
      new CreateAccountCommand({ AccountName: 'prod-1', Email: 'p@example.com' }),
    );
    const status = await orgs.send(
      new DescribeCreateAccountStatusCommand({
        CreateAccountRequestId: created.CreateAccountStatus?.Id ?? '',
      }),
    );
    const memberId = status.CreateAccountStatus?.AccountId ?? '';
    await orgs.send(
      new MoveAccountCommand({ AccountId: memberId, SourceParentId: rootId, DestinationParentId: childId }),
    );
    const source = new LiveInventorySource({ configFor: emulator.configFor(), homeRegion: REGION });

    // Act
    const fact = await source.organization();

    // Assess
    const read = value(fact);
    const orgId = org.Organization?.Id ?? '';
    expect(read.id).toBe(orgId);
    expect(read.managementAccountId).toBe(DEFAULT_ACCOUNT);
    expect(read.accounts.find((a) => a.id === memberId)).toEqual({
      id: memberId,
      name: 'prod-1',
      status: 'ACTIVE',
      ouPath: `${orgId}/${rootId}/${ouId}/${childId}/`,
      ouIds: [ouId, childId],
    });
    expect(read.accounts.find((a) => a.id === DEFAULT_ACCOUNT)?.ouPath).toBe(`${orgId}/${rootId}/`);
  });

  it('gives a typed unknown organization when the caller is in no organization', async () => {
    const source = new LiveInventorySource({
      configFor: emulator.configFor({ selfAccountId: CONSUMER }),
      homeRegion: REGION,
    });
    const fact = await source.organization();
    expect(fact).toMatchObject({
      status: 'unknown',
      reason: { code: 'NotFound', message: expect.stringContaining('AWSOrganizationsNotInUseException') },
    });
  });
});
