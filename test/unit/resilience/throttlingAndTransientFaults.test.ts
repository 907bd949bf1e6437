import { afterEach, describe, expect, it } from 'vitest';
import type { SimulatedAws } from '../../../bench/sim';
import { parseRuleParameters } from '../../../rules/core';
import { toInventory } from '../../../bench/synthetic';
import {
  amiRule,
  fromThisRun,
  PER_AMI,
  REGION,
  runAndCheck,
  seedPreviousResults,
  smallOrg,
  startSim,
} from './support';

describe('resilience: throttling bursts, connection resets and timeouts', () => {
  let sim: SimulatedAws | undefined;
  afterEach(async () => {
    await sim?.stop();
    sim = undefined;
  });

  it.each([
    {
      fault: 'a RequestLimitExceeded burst (first attempt of every fourth DescribeImageAttribute)',
      plan: {
        throttleWhen: (api: string, params: Readonly<Record<string, unknown>>, attempt: number) =>
          api === 'ec2:DescribeImageAttribute' && attempt === 1 && String(params['ImageId']).endsWith('0'),
      },
      kind: 'injected',
    },
    {
      fault: 'KMS ThrottlingException on the first attempt of ListKeys and ListAliases',
      plan: {
        throttleWhen: (api: string, _p: Readonly<Record<string, unknown>>, attempt: number) =>
          (api === 'kms:ListKeys' || api === 'kms:ListAliases') && attempt === 1,
      },
      kind: 'injected',
    },
    {
      fault: 'connection resets on 20% of EC2 and KMS attempts',
      plan: {
        seed: 3,
        resetRate: 0.2,
        apis: ['ec2:DescribeImageAttribute', 'kms:GetKeyPolicy', 'ec2:DescribeSnapshots'],
      },
      kind: 'reset',
    },
    {
      fault:
        'timeouts (answer after 150 ms, then the connection drops) on 15% of DescribeImageAttribute attempts',
      plan: { seed: 4, timeoutRate: 0.15, timeoutMs: 150, apis: ['ec2:DescribeImageAttribute'] },
      kind: 'timeout',
    },
  ])(
    'every verdict matches the ground truth and the run is complete despite $fault',
    async ({ plan, kind }) => {
      // Prepare
      const org = smallOrg(30, 3);
      const accountId = org.accounts[0]!.accountId;
      sim = await startSim(org, plan);
      seedPreviousResults(sim, org, accountId);

      // Act
      const { outcome, verdicts } = await runAndCheck(sim, org, accountId);

      // Assess
      const injected = Object.entries(sim.stats().injected).filter(([k]) =>
        k.endsWith(kind === 'injected' ? 'throttled' : kind),
      );
      expect(injected.length).toBeGreaterThan(0);
      expect(outcome.error).toBeUndefined();
      expect(outcome.summary?.complete).toBe(true);
      expect(verdicts).toMatchObject({
        lost: 0,
        notRefreshed: 0,
        fakeCompliant: 0,
        falseNonCompliant: 0,
        unreadable: 0,
      });
      expect(verdicts.matching).toBe(verdicts.expected);
      expect(verdicts.expected).toBeGreaterThan(0);
    },
  );

  it('throttling that outlasts the SDK retries leaves a failing AMI NON_COMPLIANT (never COMPLIANT) and skips cleanup', async () => {
    // Prepare: every attempt for the launch permissions of an AMI that truly fails is throttled.
    const org = smallOrg(30, 3);
    const account = org.accounts[0]!;
    const truth = amiRule.spec.evaluate(toInventory(org), parseRuleParameters(amiRule.metadata, PER_AMI), {
      accountId: account.accountId,
      region: REGION,
    });
    const victim = truth.find(
      (f) => f.compliance === 'NON_COMPLIANT' && f.resourceType === 'AWS::EC2::Image',
    )!.resourceId;
    sim = await startSim(org, {
      throttleWhen: (api, params) => api === 'ec2:DescribeImageAttribute' && params['ImageId'] === victim,
    });
    seedPreviousResults(sim, org, account.accountId);
    sim.config.seed(account.accountId, 'shared-ami-uses-customer-managed-key', [
      {
        resourceType: 'AWS::EC2::Image',
        resourceId: 'ami-0deadbeef0000000',
        complianceType: 'COMPLIANT',
        orderingTimestamp: 1,
      },
    ]);

    // Act
    const { outcome, verdicts, recorded } = await runAndCheck(sim, org, account.accountId, {
      maxAttempts: 2,
    });

    // Assess
    expect(sim.stats().injected['ec2:DescribeImageAttribute throttled']).toBe(2);
    expect(outcome.summary?.complete).toBe(false);
    expect(outcome.summary?.cleanupSkipped).toBe(true);
    expect(outcome.summary?.incomplete.join(' ')).toContain(`${victim} launch permissions: Throttled`);
    expect(verdicts.fakeCompliant).toBe(0);
    expect(verdicts.lost).toBe(0);
    const victimResult = fromThisRun(recorded).find((e) => e.resourceId === victim);
    expect(victimResult?.complianceType).toBe('NON_COMPLIANT');
    // The stale result of a deregistered AMI survives: no cleanup after an incomplete run.
    expect(recorded.some((e) => e.resourceId === 'ami-0deadbeef0000000')).toBe(true);
  });
});
