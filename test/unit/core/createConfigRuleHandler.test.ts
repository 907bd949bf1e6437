import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  ConfigServiceClient,
  GetComplianceDetailsByConfigRuleCommand,
  GetResourceConfigHistoryCommand,
  PutEvaluationsCommand,
} from '@aws-sdk/client-config-service';
import {
  InvalidInputError,
  PutEvaluationsFailedError,
  createCapturingLogger,
  createConfigRuleHandler,
  type ConfigurationItemStatus,
} from '../../../rules/core';
import { changeEvent, oversizedEvent, scheduledEvent, snapshotDeliveryEvent } from '../../fixtures/events';
import { finding, findings, testRule } from './support/testRule';

const config = mockClient(ConfigServiceClient);
beforeEach(() => {
  config.reset();
  config.on(PutEvaluationsCommand).resolves({ FailedEvaluations: [] });
  config.on(GetComplianceDetailsByConfigRuleCommand).resolves({ EvaluationResults: [] });
});
afterEach(() => config.reset());

const changeTrigger = { kind: 'change', resourceTypes: ['AWS::KMS::Key'] } as const;
const lambdaContext = (remainingMs = 900_000): { getRemainingTimeInMillis: () => number } => ({
  getRemainingTimeInMillis: () => remainingMs,
});

function handlerFor(rule: Parameters<typeof createConfigRuleHandler>[0], extra: object = {}) {
  const { logger, records } = createCapturingLogger();
  const handler = createConfigRuleHandler(rule, {
    configClientFor: (_account, region) => new ConfigServiceClient({ region }),
    logger,
    baseDelayMs: 0,
    ...extra,
  });
  return { handler, records };
}

function putEvaluations(): NonNullable<PutEvaluationsCommand['input']['Evaluations']> {
  return config.commandCalls(PutEvaluationsCommand).flatMap((c) => c.args[0].input.Evaluations ?? []);
}

describe('createConfigRuleHandler: change notifications', () => {
  it.each<[string, { status?: ConfigurationItemStatus; leftScope?: boolean; type?: string }]>([
    ['the resource was deleted', { status: 'ResourceDeleted' }],
    ['the resource was deleted and not recorded', { status: 'ResourceDeletedNotRecorded' }],
    ['the resource is not recorded', { status: 'ResourceNotRecorded' }],
    ['the resource left the rule scope', { leftScope: true }],
    ['the resource type is not in the rule scope', { type: 'AWS::S3::Bucket' }],
  ])('reports NOT_APPLICABLE without calling the evaluator when %s', async (_case, c) => {
    // Prepare
    const rule = testRule(
      async () => ({ findings: [finding({ resourceId: 'x', compliance: 'NON_COMPLIANT' })], complete: true }),
      changeTrigger,
    );
    const { handler } = handlerFor(rule);
    const event = changeEvent({
      ci: {
        resourceId: 'gone-1',
        configurationItemCaptureTime: '2026-11-20T08:00:00.000Z',
        ...(c.status ? { configurationItemStatus: c.status } : {}),
        ...(c.type ? { resourceType: c.type } : {}),
      },
      eventLeftScope: c.leftScope ?? false,
    });
    // Act
    const summary = await handler(event, lambdaContext());
    // Assess
    expect(rule.calls).toHaveLength(0);
    expect(putEvaluations()).toEqual([
      {
        ComplianceResourceType: c.type ?? 'AWS::KMS::Key',
        ComplianceResourceId: 'gone-1',
        ComplianceType: 'NOT_APPLICABLE',
        OrderingTimestamp: new Date('2026-11-20T08:00:00.000Z'),
      },
    ]);
    expect(summary.notApplicable).toBeDefined();
    expect(config.commandCalls(GetComplianceDetailsByConfigRuleCommand)).toHaveLength(0);
  });

  it('evaluates an item in scope, ordered at its capture time, with the annotation rendered from reasons', async () => {
    const rule = testRule(
      async (inv) => ({
        findings: [
          finding({
            resourceId: inv.kind === 'change' ? inv.configurationItem.resourceId : 'x',
            compliance: 'NON_COMPLIANT',
            reasons: [{ code: 'KEY_POLICY_MISSING_CONSUMER', message: 'The key policy omits 444455556666.' }],
          }),
        ],
        complete: true,
      }),
      changeTrigger,
    );
    const { handler } = handlerFor(rule);
    await handler(
      changeEvent({
        ci: { resourceId: 'key-1', configurationItemCaptureTime: '2026-11-20T08:00:00.000Z' },
        ruleParameters: { Threshold: '5' },
      }),
      lambdaContext(),
    );
    expect(rule.calls[0]).toMatchObject({
      kind: 'change',
      params: { Threshold: 5 },
      accountId: '111111111111',
      region: 'eu-west-1',
    });
    expect(putEvaluations()).toEqual([
      {
        ComplianceResourceType: 'AWS::KMS::Key',
        ComplianceResourceId: 'key-1',
        ComplianceType: 'NON_COMPLIANT',
        OrderingTimestamp: new Date('2026-11-20T08:00:00.000Z'),
        Annotation: 'The key policy omits 444455556666.',
      },
    ]);
  });

  it('inflates an oversized item through GetResourceConfigHistory before evaluating it', async () => {
    config.on(GetResourceConfigHistoryCommand).resolves({
      configurationItems: [
        {
          accountId: '111111111111',
          configurationItemCaptureTime: new Date('2026-11-23T10:00:00.000Z'),
          configurationItemStatus: 'OK',
          resourceType: 'AWS::KMS::Key',
          resourceId: 'big-key',
          awsRegion: 'eu-west-1',
          configuration: JSON.stringify({ keyState: 'Enabled' }),
        },
      ],
    });
    const rule = testRule(
      async () => ({ findings: [finding({ resourceId: 'big-key' })], complete: true }),
      changeTrigger,
    );
    const { handler } = handlerFor(rule);
    await handler(oversizedEvent({ ci: { resourceId: 'big-key' } }), lambdaContext());
    const inv = rule.calls[0];
    expect(inv?.kind === 'change' && inv.configurationItem.configuration).toEqual({ keyState: 'Enabled' });
    expect(putEvaluations().map((e) => e.ComplianceResourceId)).toEqual(['big-key']);
  });

  it('does not fetch the history of a deleted oversized item', async () => {
    const rule = testRule(async () => ({ findings: [], complete: true }), changeTrigger);
    const { handler } = handlerFor(rule);
    await handler(
      oversizedEvent({ ci: { resourceId: 'k', configurationItemStatus: 'ResourceDeleted' } }),
      lambdaContext(),
    );
    expect(config.commandCalls(GetResourceConfigHistoryCommand)).toHaveLength(0);
    expect(putEvaluations().map((e) => e.ComplianceType)).toEqual(['NOT_APPLICABLE']);
  });
});

describe('createConfigRuleHandler: failures', () => {
  it('fails naming the parameter when a rule parameter is bad, before any AWS call', async () => {
    const rule = testRule(async () => ({ findings: [], complete: true }));
    const { handler, records } = handlerFor(rule);
    const act = handler(scheduledEvent({ ruleParameters: { Threshold: 'soon' } }), lambdaContext());
    await expect(act).rejects.toThrow(InvalidInputError);
    await expect(
      handler(scheduledEvent({ ruleParameters: { Threshold: 'soon' } }), lambdaContext()),
    ).rejects.toThrow('ruleParameters.Threshold: expected a whole number of days');
    expect(rule.calls).toHaveLength(0);
    expect(config.calls()).toHaveLength(0);
    expect(records.filter((r) => r.level === 'ERROR')[0]).toMatchObject({
      message: 'rule run failed',
      ruleId: 'test-rule',
    });
  });

  it('refuses the Config service-linked role as ExecutionRoleName', async () => {
    const rule = testRule(async () => ({ findings: [], complete: true }));
    const { handler } = handlerFor(rule);
    await expect(
      handler(
        scheduledEvent({ ruleParameters: { ExecutionRoleName: 'AWSServiceRoleForConfig' } }),
        lambdaContext(),
      ),
    ).rejects.toThrow(
      /^ruleParameters\.ExecutionRoleName: "AWSServiceRoleForConfig" is AWS Config's service-linked role/,
    );
  });

  it('fails naming the field on a malformed event', async () => {
    const { handler } = handlerFor(testRule(async () => ({ findings: [], complete: true })));
    await expect(handler({ ...scheduledEvent(), invokingEvent: 'nope' }, lambdaContext())).rejects.toThrow(
      /^invokingEvent: expected a JSON string/,
    );
  });

  it('retries FailedEvaluations and then surfaces them', async () => {
    config
      .on(PutEvaluationsCommand)
      .callsFake((input: { Evaluations: { ComplianceResourceId: string }[] }) => ({
        FailedEvaluations: input.Evaluations.filter((e) => e.ComplianceResourceId === 'key-0001'),
      }));
    const rule = testRule(async () => ({ findings: findings(3), complete: true }));
    const { handler, records } = handlerFor(rule, { maxRetries: 2 });
    await expect(handler(scheduledEvent(), lambdaContext())).rejects.toThrow(PutEvaluationsFailedError);
    expect(records.find((r) => r.level === 'ERROR')).toMatchObject({ message: 'rule run failed', failed: 1 });
    const sent = config.commandCalls(PutEvaluationsCommand).map((c) => c.args[0].input.Evaluations?.length);
    expect(sent).toEqual([3, 1, 1]);
  });
});

describe('createConfigRuleHandler: periodic runs and the time budget', () => {
  it('orders periodic evaluations at notificationCreationTime and logs one summary line with counts', async () => {
    config.on(GetComplianceDetailsByConfigRuleCommand).resolves({
      EvaluationResults: [
        {
          EvaluationResultIdentifier: {
            EvaluationResultQualifier: {
              ConfigRuleName: 'test-rule',
              ResourceType: 'AWS::EC2::Instance',
              ResourceId: 'key-0000',
            },
          },
          ComplianceType: 'NON_COMPLIANT',
        },
      ],
    });
    const rule = testRule(async () => ({ findings: findings(2), complete: true }));
    const { handler, records } = handlerFor(rule);
    const summary = await handler(
      scheduledEvent({ notificationCreationTime: '2026-11-23T12:00:00.000Z' }),
      lambdaContext(),
    );
    expect(putEvaluations()).toEqual([
      expect.objectContaining({
        ComplianceResourceId: 'key-0000',
        ComplianceResourceType: 'AWS::KMS::Key',
        ComplianceType: 'COMPLIANT',
      }),
      expect.objectContaining({ ComplianceResourceId: 'key-0001', ComplianceType: 'COMPLIANT' }),
      expect.objectContaining({
        ComplianceResourceId: 'key-0000',
        ComplianceResourceType: 'AWS::EC2::Instance',
        ComplianceType: 'NOT_APPLICABLE',
      }),
    ]);
    expect(new Set(putEvaluations().map((e) => e.OrderingTimestamp?.toISOString()))).toEqual(
      new Set(['2026-11-23T12:00:00.000Z']),
    );
    expect(summary).toMatchObject({
      evaluationsPut: 3,
      putCalls: 1,
      cleaned: 1,
      complete: true,
      cleanupSkipped: false,
    });
    const info = records.filter((r) => r.message === 'rule run finished');
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({
      ruleId: 'test-rule',
      account: '111111111111',
      region: 'eu-west-1',
      messageType: 'ScheduledNotification',
      evaluationsPut: 3,
      failed: 0,
      cleaned: 1,
    });
    expect(typeof info[0]?.['durationMs']).toBe('number');
  });

  it('puts what is complete and skips cleanup when the rule stops on an expired budget', async () => {
    // Prepare: the Lambda has 12 s left, 10 s are reserved; time "passes" 1 s per resource.
    let remaining = 12_000;
    const rule = testRule(async (_inv, ctx) => {
      const done = [];
      for (const f of findings(10)) {
        if (ctx.budget.expired())
          return { findings: done, complete: false, incomplete: ['keys after ' + String(done.length)] };
        done.push(f);
        remaining -= 1_000;
      }
      return { findings: done, complete: true };
    });
    const { handler, records } = handlerFor(rule, { reserveMs: 10_000 });
    // Act
    const summary = await handler(scheduledEvent(), { getRemainingTimeInMillis: () => remaining });
    // Assess
    expect(putEvaluations()).toHaveLength(2);
    expect(config.commandCalls(GetComplianceDetailsByConfigRuleCommand)).toHaveLength(0);
    expect(summary).toMatchObject({
      complete: false,
      cleanupSkipped: true,
      evaluationsPut: 2,
      incomplete: ['keys after 2'],
    });
    expect(
      records.some((r) => r.level === 'WARN' && r.message.includes('cleanup of stale results skipped')),
    ).toBe(true);
  });

  it('stops waiting for a rule that overruns its budget, puts nothing and skips cleanup', async () => {
    const rule = testRule(() => new Promise(() => {}));
    const { handler } = handlerFor(rule, { reserveMs: 10_000 });
    const summary = await handler(scheduledEvent(), lambdaContext(10_050));
    expect(summary).toMatchObject({ complete: false, cleanupSkipped: true, evaluationsPut: 0 });
    expect(config.commandCalls(PutEvaluationsCommand)).toHaveLength(0);
    expect(config.commandCalls(GetComplianceDetailsByConfigRuleCommand)).toHaveLength(0);
  });

  it('merges two verdicts on the same resource, the worst winning', async () => {
    const rule = testRule(async () => ({
      findings: [
        finding({ resourceId: 'k', compliance: 'COMPLIANT' }),
        finding({ resourceId: 'k', compliance: 'NON_COMPLIANT', reasons: [{ code: 'X', message: 'Bad.' }] }),
      ],
      complete: true,
    }));
    const { handler } = handlerFor(rule);
    await handler(scheduledEvent(), lambdaContext());
    expect(putEvaluations()).toEqual([
      expect.objectContaining({
        ComplianceResourceId: 'k',
        ComplianceType: 'NON_COMPLIANT',
        Annotation: 'Bad.',
      }),
    ]);
  });
});

describe('createConfigRuleHandler: trigger kinds', () => {
  it('runs a periodic evaluation on ConfigurationSnapshotDeliveryCompleted, ordered at its notification time', async () => {
    const rule = testRule(async () => ({ findings: findings(1), complete: true }));
    const { handler } = handlerFor(rule);
    await handler(
      snapshotDeliveryEvent({ notificationCreationTime: '2026-11-23T13:00:00.000Z' }),
      lambdaContext(),
    );
    expect(rule.calls[0]).toMatchObject({
      kind: 'periodic',
      notificationCreationTime: '2026-11-23T13:00:00.000Z',
    });
    expect(putEvaluations()[0]?.OrderingTimestamp).toEqual(new Date('2026-11-23T13:00:00.000Z'));
  });

  it('ignores a ScheduledNotification for a change-triggered rule: no evaluation, no cleanup', async () => {
    const rule = testRule(async () => ({ findings: findings(1), complete: true }), changeTrigger);
    const { handler } = handlerFor(rule);
    const summary = await handler(scheduledEvent(), lambdaContext());
    expect(rule.calls).toHaveLength(0);
    expect(config.calls()).toHaveLength(0);
    expect(summary.notApplicable).toBe('the rule is change-triggered; ScheduledNotification ignored');
  });
});
