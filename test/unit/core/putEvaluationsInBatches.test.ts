import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { ConfigServiceClient, PutEvaluationsCommand, type Evaluation } from '@aws-sdk/client-config-service';
import { PutEvaluationsFailedError, putEvaluationsInBatches } from '../../../rules/core';

const config = mockClient(ConfigServiceClient);
afterEach(() => config.reset());

function evaluations(n: number): Evaluation[] {
  return Array.from({ length: n }, (_, i) => ({
    ComplianceResourceType: 'AWS::KMS::Key',
    ComplianceResourceId: `key-${i}`,
    ComplianceType: 'COMPLIANT',
    OrderingTimestamp: new Date('2026-11-23T10:00:00.000Z'),
  }));
}

const client = (): ConfigServiceClient => new ConfigServiceClient({ region: 'eu-west-1' });
const noSleep = async (): Promise<void> => {};

describe('putEvaluationsInBatches', () => {
  it.each([
    [0, []],
    [1, [1]],
    [100, [100]],
    [101, [100, 1]],
    [250, [100, 100, 50]],
  ])('sends %i evaluations in batches of %j', async (n, sizes) => {
    config.on(PutEvaluationsCommand).resolves({ FailedEvaluations: [] });
    const out = await putEvaluationsInBatches({
      client: client(),
      evaluations: evaluations(n),
      resultToken: 't',
    });
    const calls = config.commandCalls(PutEvaluationsCommand);
    expect(calls.map((c) => c.args[0].input.Evaluations?.length)).toEqual(sizes);
    expect(out).toEqual({ put: n, calls: sizes.length, retried: 0 });
  });

  it('passes the result token and TestMode through', async () => {
    config.on(PutEvaluationsCommand).resolves({});
    await putEvaluationsInBatches({
      client: client(),
      evaluations: evaluations(1),
      resultToken: 'TESTMODE',
      testMode: true,
    });
    expect(config.commandCalls(PutEvaluationsCommand)[0]?.args[0].input).toMatchObject({
      ResultToken: 'TESTMODE',
      TestMode: true,
    });
  });

  it('retries only the FailedEvaluations, with growing backoff, until they go through', async () => {
    // Prepare
    const all = evaluations(3);
    const failing = all[1];
    config
      .on(PutEvaluationsCommand)
      .resolvesOnce({ FailedEvaluations: [failing!] })
      .resolvesOnce({ FailedEvaluations: [failing!] })
      .resolves({ FailedEvaluations: [] });
    const sleeps: number[] = [];
    // Act
    const out = await putEvaluationsInBatches({
      client: client(),
      evaluations: all,
      resultToken: 't',
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    // Assess
    const sent = config
      .commandCalls(PutEvaluationsCommand)
      .map((c) => c.args[0].input.Evaluations?.map((e) => e.ComplianceResourceId));
    expect(sent).toEqual([['key-0', 'key-1', 'key-2'], ['key-1'], ['key-1']]);
    expect(sleeps).toEqual([200, 400]);
    expect(out).toEqual({ put: 3, calls: 3, retried: 1 });
  });

  it('surfaces evaluations that keep failing, naming them, after sending every batch', async () => {
    // Prepare: key-5 (first batch) always fails
    const all = evaluations(150);
    config.on(PutEvaluationsCommand).callsFake((input: { Evaluations: Evaluation[] }) => ({
      FailedEvaluations: input.Evaluations.filter((e) => e.ComplianceResourceId === 'key-5'),
    }));
    // Act
    const act = putEvaluationsInBatches({
      client: client(),
      evaluations: all,
      resultToken: 't',
      maxRetries: 2,
      sleep: noSleep,
    });
    // Assess
    await expect(act).rejects.toThrow(PutEvaluationsFailedError);
    await act.catch((error: PutEvaluationsFailedError) => {
      expect(error.failed).toEqual([
        { resourceType: 'AWS::KMS::Key', resourceId: 'key-5', complianceType: 'COMPLIANT' },
      ]);
      expect(error.message).toBe(
        'PutEvaluations failed for 1 evaluation(s) after 3 attempt(s): AWS::KMS::Key key-5 (COMPLIANT)',
      );
    });
    const sizes = config.commandCalls(PutEvaluationsCommand).map((c) => c.args[0].input.Evaluations?.length);
    expect(sizes.slice(0, 4)).toEqual([100, 1, 1, 50]);
  });
});
