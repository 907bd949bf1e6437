import { afterEach, describe, expect, it } from 'vitest';
import type { SimulatedAws } from '../../../bench/sim';
import { fromThisRun, runAndCheck, seedPreviousResults, smallOrg, startSim } from './support';

describe('resilience: PutEvaluations partial failures', () => {
  let sim: SimulatedAws | undefined;
  afterEach(async () => {
    await sim?.stop();
    sim = undefined;
  });

  it('evaluations Config returns in FailedEvaluations once are retried until every one is recorded', async () => {
    // Prepare: a third of the evaluations fail on their first send.
    const org = smallOrg(60, 2);
    const accountId = org.accounts[0]!.accountId;
    sim = await startSim(org, { failEvaluation: (id, attempt) => attempt === 1 && /[05a]$/.test(id) });
    seedPreviousResults(sim, org, accountId);

    // Act
    const { outcome, verdicts } = await runAndCheck(sim, org, accountId);

    // Assess
    expect(outcome.error).toBeUndefined();
    expect(outcome.summary?.putCalls).toBeGreaterThan(1);
    expect(verdicts).toMatchObject({ lost: 0, notRefreshed: 0, fakeCompliant: 0, falseNonCompliant: 0 });
    expect(verdicts.matching).toBe(verdicts.expected);
  });

  it('an evaluation Config keeps refusing is surfaced by name, after every other evaluation was recorded', async () => {
    // Prepare: one AMI's evaluation always fails.
    const org = smallOrg(60, 2);
    const accountId = org.accounts[0]!.accountId;
    const refused = org.accounts[0]!.regions[0]!.images.find((i) => i.launchPermissions.length > 0)!.imageId;
    sim = await startSim(org, { failEvaluation: (id) => id === refused });

    // Act
    const { outcome, verdicts, recorded } = await runAndCheck(sim, org, accountId);

    // Assess
    expect(outcome.error?.name).toBe('PutEvaluationsFailedError');
    expect(outcome.logs.some((l) => JSON.stringify(l).includes(refused) || l['failed'] === 1)).toBe(true);
    expect(verdicts.lost).toBe(1);
    expect(fromThisRun(recorded)).toHaveLength(verdicts.expected - 1);
    expect(verdicts.fakeCompliant).toBe(0);
  });

  it('throttled PutEvaluations calls are retried by the SDK: nothing is lost', async () => {
    // Prepare
    const org = smallOrg(60, 2);
    const accountId = org.accounts[0]!.accountId;
    sim = await startSim(org, {
      throttleWhen: (api, _p, attempt) => api === 'config:PutEvaluations' && attempt === 1,
    });

    // Act
    const { outcome, verdicts } = await runAndCheck(sim, org, accountId);

    // Assess
    expect(sim.stats().injected['config:PutEvaluations throttled']).toBeGreaterThan(0);
    expect(outcome.error).toBeUndefined();
    expect(verdicts).toMatchObject({ lost: 0, fakeCompliant: 0 });
    expect(verdicts.matching).toBe(verdicts.expected);
  });
});

describe('resilience: a PutEvaluations call that fails outright', () => {
  let sim: SimulatedAws | undefined;
  afterEach(async () => {
    await sim?.stop();
    sim = undefined;
  });

  it('fails only its own batch: the batches after it are still sent, and the error names the unsent evaluations', async () => {
    // Prepare: every attempt of the first batch is throttled (the SDK gives up after 2 attempts).
    const org = smallOrg(400, 2);
    const accountId = org.accounts[0]!.accountId;
    const firstShared = org.accounts[0]!.regions[0]!.images.find(
      (i) => i.launchPermissions.length > 0,
    )!.imageId;
    sim = await startSim(org, {
      throttleWhen: (api, params) =>
        api === 'config:PutEvaluations' && JSON.stringify(params).includes(firstShared),
    });

    // Act
    const { outcome, verdicts, recorded } = await runAndCheck(sim, org, accountId, { maxAttempts: 2 });

    // Assess
    expect(verdicts.expected).toBeGreaterThan(100);
    expect(outcome.error?.name).toBe('PutEvaluationsFailedError');
    expect(outcome.error?.message).toContain(firstShared);
    expect(verdicts.lost).toBe(100);
    expect(fromThisRun(recorded)).toHaveLength(verdicts.expected - 100);
    expect(verdicts.fakeCompliant).toBe(0);
  });
});
