import { DescribeImageAttributeCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetKeyPolicyCommand, KMSClient } from '@aws-sdk/client-kms';
import { afterEach, describe, expect, it } from 'vitest';
import { rateLimitBound } from '../../../bench/measure';
import type { SimulatedAws } from '../../../bench/sim';
import { DEFAULT_QUOTAS, SimulatedAws as Sim, TokenBucket } from '../../../bench/sim';
import { generateOrganization, toInventory } from '../../../bench/synthetic';
import { InventorySchema } from '../../../rules/inventory/model';
import { REGION, smallOrg } from './support';

describe('the benchmark harness (generator, token bucket, simulated AWS)', () => {
  let sim: SimulatedAws | undefined;
  afterEach(async () => {
    await sim?.stop();
    sim = undefined;
  });

  it('generates the same organization for the same seed and a different one for another seed', () => {
    // Prepare
    const options = { accounts: 4, regions: [REGION, 'us-east-1'], amis: 50 };

    // Act
    const a = generateOrganization({ ...options, seed: 1 });
    const b = generateOrganization({ ...options, seed: 1 });
    const c = generateOrganization({ ...options, seed: 2 });

    // Assess
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
    expect(a.accounts.flatMap((x) => x.regions.flatMap((r) => r.images))).toHaveLength(50);
  });

  it('produces an inventory the inventory schema accepts', () => {
    // Act
    const result = InventorySchema.safeParse(toInventory(smallOrg(30, 3)));

    // Assess
    expect(result.error?.issues.slice(0, 3)).toBeUndefined();
  });

  it.each([
    { field: 'accounts', options: { accounts: 1_001, regions: [REGION], amis: 1 } },
    { field: 'amis', options: { accounts: 1, regions: [REGION], amis: 50_001 } },
    { field: 'regions', options: { accounts: 1, regions: [], amis: 1 } },
  ])('refuses $field out of range, naming it', ({ field, options }) => {
    expect(() => generateOrganization(options)).toThrow(new RegExp(`${field}:`));
  });

  it('a token bucket lets its burst through, then refills at its rate', () => {
    // Prepare
    let now = 0;
    const bucket = new TokenBucket(100, 20, () => now);

    // Act
    const burst = Array.from({ length: 101 }, () => bucket.take());
    now += 1_000;
    const afterOneSecond = Array.from({ length: 21 }, () => bucket.take());

    // Assess
    expect(burst.filter(Boolean)).toHaveLength(100);
    expect(afterOneSecond.filter(Boolean)).toHaveLength(20);
  });

  it('the rate-limit bound of 10,000 DescribeImageAttribute calls at 100 tokens and 20/s is 495 s', () => {
    // Act
    const bound = rateLimitBound(
      [{ 'ec2:DescribeImageAttribute': 10_000, 'kms:GetKeyPolicy': 50 }],
      DEFAULT_QUOTAS,
    );

    // Assess
    expect(bound.rateLimitMs).toBe(495_000);
    expect(bound.bottlenecks).toEqual(['ec2:DescribeImageAttribute']);
  });

  it.each([
    { service: 'EC2', name: 'RequestLimitExceeded', status: 503 },
    { service: 'KMS', name: 'ThrottlingException', status: 400 },
  ])(
    'answers an empty bucket with $service throttling ($name, HTTP $status), as the SDK sees it',
    async ({ service, name, status }) => {
      // Prepare: a bucket of one token.
      const org = smallOrg(3, 1);
      const account = org.accounts[0]!;
      const region = account.regions[0]!;
      const one = { bucket: 1, refillPerSecond: 0.001, latencyMs: 0, source: 'test' };
      sim = await Sim.start({
        org,
        quotas: { 'ec2:DescribeImageAttribute': one, 'kms:GetKeyPolicy': one },
      });
      const config = {
        region: REGION,
        endpoint: sim.endpoint,
        credentials: Sim.credentialsFor(account.accountId),
        maxAttempts: 1,
      };
      const call =
        service === 'EC2'
          ? () =>
              new EC2Client(config).send(
                new DescribeImageAttributeCommand({
                  ImageId: region.images[0]!.imageId,
                  Attribute: 'launchPermission',
                }),
              )
          : () =>
              new KMSClient(config).send(
                new GetKeyPolicyCommand({ KeyId: region.keys[1]!.keyId, PolicyName: 'default' }),
              );

      // Act
      await call();
      const error = await call().then(
        () => undefined,
        (e: unknown) => e as { name: string; $metadata: { httpStatusCode: number } },
      );

      // Assess
      expect(error?.name).toBe(name);
      expect(error?.$metadata.httpStatusCode).toBe(status);
    },
  );
});
