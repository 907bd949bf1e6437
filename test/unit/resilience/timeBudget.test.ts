import { afterEach, describe, expect, it } from 'vitest';
import type { SimulatedAws } from '../../../bench/sim';
import { fromThisRun, runAndCheck, seedPreviousResults, smallOrg, startSim } from './support';

describe('resilience: the Lambda time budget running out mid-run', () => {
  let sim: SimulatedAws | undefined;
  afterEach(async () => {
    await sim?.stop();
    sim = undefined;
  });

  it('a read that never answers: the run stops at the budget, reports itself incomplete, puts no COMPLIANT and cleans nothing', async () => {
    // Prepare: DescribeSnapshots hangs; the Lambda has 1.5 s, 0.5 s of them kept for PutEvaluations.
    const org = smallOrg(24, 3);
    const accountId = org.accounts[0]!.accountId;
    sim = await startSim(org, { hang: ['ec2:DescribeSnapshots'] });
    seedPreviousResults(sim, org, accountId);
    sim.config.seed(accountId, 'shared-ami-uses-customer-managed-key', [
      {
        resourceType: 'AWS::EC2::Image',
        resourceId: 'ami-0deadbeef0000000',
        complianceType: 'NON_COMPLIANT',
        orderingTimestamp: 1,
      },
    ]);
    const before = sim.config.evaluations(accountId, 'shared-ami-uses-customer-managed-key');

    // Act
    const { outcome, recorded } = await runAndCheck(sim, org, accountId, {
      lambdaTimeoutMs: 1_500,
      reserveMs: 500,
    });

    // Assess
    expect(outcome.wallMs).toBeLessThan(1_500);
    expect(outcome.summary?.complete).toBe(false);
    expect(outcome.summary?.cleanupSkipped).toBe(true);
    expect(outcome.summary?.incomplete.join(' ')).toMatch(/time budget/);
    expect(fromThisRun(recorded).filter((e) => e.complianceType === 'COMPLIANT')).toEqual([]);
    expect(recorded).toEqual(before);
  });
});
