import { afterEach, describe, expect, it } from 'vitest';
import type { SimulatedAws } from '../../../bench/sim';
import { fromThisRun, runAndCheck, seedPreviousResults, smallOrg, startSim } from './support';

describe('resilience: AccessDenied per account and per API', () => {
  let sim: SimulatedAws | undefined;
  afterEach(async () => {
    await sim?.stop();
    sim = undefined;
  });

  it('an account whose read role is denied every EC2 call gets one NON_COMPLIANT FACT_UNREADABLE account result, keeps its previous results and skips cleanup', async () => {
    // Prepare
    const org = smallOrg(24, 3);
    const accountId = org.accounts[1]!.accountId;
    sim = await startSim(org, { accessDenied: [{ accountId, service: 'ec2' }] });
    seedPreviousResults(sim, org, accountId);
    const previous = sim.config.evaluations(accountId, 'shared-ami-uses-customer-managed-key').length;

    // Act
    const { outcome, verdicts, recorded } = await runAndCheck(sim, org, accountId);

    // Assess
    expect(outcome.summary?.complete).toBe(false);
    expect(outcome.summary?.cleanupSkipped).toBe(true);
    const now = fromThisRun(recorded);
    expect(now).toHaveLength(1);
    expect(now[0]).toMatchObject({
      resourceType: 'AWS::::Account',
      resourceId: accountId,
      complianceType: 'NON_COMPLIANT',
    });
    expect(now[0]?.annotation).toMatch(/AccessDenied|unreadable/i);
    expect(now.some((e) => e.complianceType === 'COMPLIANT')).toBe(false);
    expect(verdicts).toMatchObject({ lost: 0, fakeCompliant: 0, notRefreshed: previous });
  });

  it('AccessDenied on kms:GetKeyPolicy alone makes the run incomplete (no cleanup) without faking or losing any AMI verdict', async () => {
    // Prepare
    const org = smallOrg(24, 3);
    const accountId = org.accounts[0]!.accountId;
    sim = await startSim(org, { accessDenied: [{ accountId, api: 'kms:GetKeyPolicy' }] });
    seedPreviousResults(sim, org, accountId);

    // Act
    const { outcome, verdicts } = await runAndCheck(sim, org, accountId);

    // Assess
    expect(outcome.summary?.complete).toBe(false);
    expect(outcome.summary?.cleanupSkipped).toBe(true);
    expect(outcome.summary?.incomplete.join(' ')).toMatch(/policy: AccessDenied \(kms:GetKeyPolicy\)/);
    expect(verdicts).toMatchObject({ lost: 0, notRefreshed: 0, fakeCompliant: 0, falseNonCompliant: 0 });
  });

  it('one denied account out of three does not disturb the others, evaluated at the same time', async () => {
    // Prepare
    const org = smallOrg(36, 3);
    const [a, b, denied] = org.accounts.map((x) => x.accountId) as [string, string, string];
    sim = await startSim(org, {
      accessDenied: [
        { accountId: denied, service: 'ec2' },
        { accountId: denied, service: 'kms' },
      ],
    });
    for (const id of [a, b, denied]) seedPreviousResults(sim, org, id);

    // Act
    const [ra, rb, rd] = await Promise.all([a, b, denied].map((id) => runAndCheck(sim!, org, id)));

    // Assess
    for (const r of [ra, rb]) {
      expect(r?.outcome.summary?.complete).toBe(true);
      expect(r?.verdicts).toMatchObject({
        lost: 0,
        notRefreshed: 0,
        fakeCompliant: 0,
        falseNonCompliant: 0,
        unreadable: 0,
      });
    }
    expect(rd?.outcome.summary?.complete).toBe(false);
    expect(rd?.verdicts).toMatchObject({ lost: 0, fakeCompliant: 0 });
  });
});
