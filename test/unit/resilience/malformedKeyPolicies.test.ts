import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedAws } from '../../../bench/sim';
import { SimulatedAws as Sim } from '../../../bench/sim';
import { registerRule } from '../../../rules/kit';
import { sharedAmiKeyGrantsConsumersRule } from '../../../rules/shared-ami-key-grants-consumers/rule';
import { fromThisRun, runAndCheck, smallOrg, startSim } from './support';

const policyRule = registerRule(sharedAmiKeyGrantsConsumersRule);
const ORG = smallOrg(40, 3, 9);
const ENV = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'] as const;
const saved = ENV.map((k) => process.env[k]);

describe('resilience: malformed key policies', () => {
  let sim: SimulatedAws | undefined;
  beforeAll(() => {
    // The live collector reads Organizations with the function's own credentials (the default chain).
    const own = Sim.credentialsFor(ORG.managementAccountId);
    process.env['AWS_ACCESS_KEY_ID'] = own.accessKeyId;
    process.env['AWS_SECRET_ACCESS_KEY'] = own.secretAccessKey;
  });
  afterAll(() => {
    ENV.forEach((k, i) => {
      if (saved[i] === undefined) delete process.env[k];
      else process.env[k] = saved[i];
    });
  });
  afterEach(async () => {
    await sim?.stop();
    sim = undefined;
  });

  it.each([
    { problem: 'not JSON', policy: '{"Version":"2012-10-17","Statement":[' },
    {
      // KMS caps key policies at 32 KB; the engine refuses anything over 128 KiB as hostile input.
      problem: 'too large (200,000 characters)',
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'x'.repeat(200_000),
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: 'kms:*',
            Resource: '*',
          },
        ],
      }),
    },
    { problem: 'wrong types (Statement is a number)', policy: '{"Version":"2012-10-17","Statement":42}' },
  ])(
    'a key policy that is $problem makes every shared AMI on that key NON_COMPLIANT, with no crash and nothing lost',
    async ({ policy }) => {
      // Prepare: corrupt the policy of the key behind the account's first shared AMI.
      const account = ORG.accounts[0]!;
      const region = account.regions[0]!;
      const keyOf = (imageId: string) => {
        const image = region.images.find((i) => i.imageId === imageId);
        const arn = region.snapshots.find((s) => s.snapshotId === image?.snapshotIds[0])?.kmsKeyArn;
        return region.keys.find((k) => k.arn === arn);
      };
      const shared = region.images.find((i) => {
        const k = keyOf(i.imageId);
        return i.launchPermissions.length > 0 && k?.keyManager === 'CUSTOMER' && k.keyState === 'Enabled';
      })!;
      const key = keyOf(shared.imageId)!;
      const keyArn = key.arn;
      const original = key.policy;
      key.policy = policy;
      const onKey = region.images
        .filter((i) => i.launchPermissions.length > 0)
        .filter((i) =>
          i.snapshotIds.some((id) => region.snapshots.find((s) => s.snapshotId === id)?.kmsKeyArn === keyArn),
        )
        .map((i) => i.imageId);
      try {
        sim = await startSim(ORG);

        // Act
        const { outcome, verdicts, recorded } = await runAndCheck(sim, ORG, account.accountId, {
          rule: policyRule,
        });

        // Assess
        expect(outcome.error).toBeUndefined();
        expect(verdicts).toMatchObject({ lost: 0, fakeCompliant: 0, notRefreshed: 0 });
        const results = fromThisRun(recorded).filter((e) => onKey.includes(e.resourceId));
        expect(results.length).toBe(onKey.length);
        for (const r of results) {
          expect(r.complianceType).toBe('NON_COMPLIANT');
          expect(r.annotation).toContain('cannot be parsed');
        }
      } finally {
        key.policy = original;
      }
    },
  );
});
