import { beforeEach, describe, expect, it } from 'vitest';
import {
  ConfigServiceClient,
  PutEvaluationsCommand,
  paginateGetComplianceDetailsByConfigRule,
  type ComplianceType,
  type EvaluationResult,
} from '@aws-sdk/client-config-service';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { createCapturingLogger, createConfigRuleHandler } from '../../../rules/core';
import type { RuleDefinition } from '../../../rules/core';
import {
  EMULATOR_DEFAULT_ACCOUNT,
  emulatorConfig,
  emulatorEndpoint,
  resetEmulator,
} from '../../support/emulator';
import { changeEvent, oversizedEvent, scheduledEvent } from '../../fixtures/events';
import { finding, findings, testRule, type TestRuleParams } from '../../unit/core/support/testRule';

const REGION = 'eu-west-1';
const A = '111111111111';
const RULE = 'test-rule';
const lambdaContext = { getRemainingTimeInMillis: () => 900_000 };

/**
 * Client config for `accountId`, with credentials assumed AFTER the last reset: the harness's
 * `emulatorConfig` caches assumed-role credentials across `resetEmulator()`, and moto forgets
 * them on reset, attributing later calls to the default account.
 */
async function freshConfig(accountId: string): Promise<Awaited<ReturnType<typeof emulatorConfig>>> {
  const base = await emulatorConfig(EMULATOR_DEFAULT_ACCOUNT, REGION);
  const out = await new STSClient(base).send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/tests`, RoleSessionName: 'tests' }),
  );
  const c = out.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error('the emulator returned no credentials');
  return {
    ...base,
    credentials: {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken ?? '',
    },
  };
}

/** A Config client for `accountId` in the emulator that counts its PutEvaluations calls. */
async function countingConfigClient(
  accountId: string,
): Promise<{ client: ConfigServiceClient; puts: () => number }> {
  const client = new ConfigServiceClient(await freshConfig(accountId));
  let puts = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'PutEvaluationsCommand') puts += 1;
      return next(args);
    },
    { step: 'initialize', name: 'countPutEvaluations' },
  );
  return { client, puts: () => puts };
}

async function recorded(
  accountId: string,
  types: ComplianceType[] = ['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE'],
): Promise<EvaluationResult[]> {
  const client = new ConfigServiceClient(await freshConfig(accountId));
  const out: EvaluationResult[] = [];
  for await (const page of paginateGetComplianceDetailsByConfigRule(
    { client, pageSize: 100 },
    { ConfigRuleName: RULE, ComplianceTypes: types, Limit: 100 },
  )) {
    out.push(...(page.EvaluationResults ?? []));
  }
  return out;
}

function brief(results: EvaluationResult[]): string[] {
  return results
    .map((r) => {
      const q = r.EvaluationResultIdentifier?.EvaluationResultQualifier;
      return `${q?.ResourceType} ${q?.ResourceId} ${r.ComplianceType}`;
    })
    .sort();
}

async function handlerWithCountingClient(rule: RuleDefinition<TestRuleParams>) {
  const counting = await countingConfigClient(A);
  const { logger, records } = createCapturingLogger();
  const handler = createConfigRuleHandler(rule, { configClientFor: () => counting.client, logger });
  return { handler, puts: counting.puts, records };
}

describe('Config rule runtime against the AWS emulator', () => {
  beforeEach(resetEmulator);

  it('puts 250 evaluations of a periodic rule in 3 PutEvaluations calls', async () => {
    // Prepare
    const rule = testRule(async () => ({ findings: findings(250), complete: true }));
    const { handler, puts } = await handlerWithCountingClient(rule);
    // Act
    const summary = await handler(scheduledEvent({ accountId: A, ruleName: RULE }), lambdaContext);
    // Assess
    expect(puts()).toBe(3);
    expect(summary).toMatchObject({ evaluationsPut: 250, putCalls: 3, cleaned: 0 });
    const results = await recorded(A);
    expect(results).toHaveLength(250);
    expect(new Set(results.map((r) => r.ComplianceType))).toEqual(new Set(['COMPLIANT']));
  });

  it('cleans stale results with their own resource type, matching on (type, id)', async () => {
    // Prepare: an earlier run reported an instance, a key, and a bucket whose id equals a key id
    const seed = new ConfigServiceClient(await freshConfig(A));
    const earlier = new Date('2026-11-22T12:00:00.000Z');
    await seed.send(
      new PutEvaluationsCommand({
        ResultToken: RULE,
        Evaluations: [
          {
            ComplianceResourceType: 'AWS::EC2::Instance',
            ComplianceResourceId: 'i-1',
            ComplianceType: 'NON_COMPLIANT',
            OrderingTimestamp: earlier,
          },
          {
            ComplianceResourceType: 'AWS::KMS::Key',
            ComplianceResourceId: 'key-0000',
            ComplianceType: 'NON_COMPLIANT',
            OrderingTimestamp: earlier,
          },
          {
            ComplianceResourceType: 'AWS::S3::Bucket',
            ComplianceResourceId: 'key-0001',
            ComplianceType: 'COMPLIANT',
            OrderingTimestamp: earlier,
          },
        ],
      }),
    );
    const rule = testRule(async () => ({ findings: findings(2), complete: true }));
    const { handler } = await handlerWithCountingClient(rule);
    // Act
    const summary = await handler(
      scheduledEvent({ accountId: A, ruleName: RULE, notificationCreationTime: '2026-11-23T12:00:00.000Z' }),
      lambdaContext,
    );
    // Assess
    expect(summary.cleaned).toBe(2);
    expect(brief(await recorded(A))).toEqual([
      'AWS::EC2::Instance i-1 NOT_APPLICABLE',
      'AWS::KMS::Key key-0000 COMPLIANT',
      'AWS::KMS::Key key-0001 COMPLIANT',
      'AWS::S3::Bucket key-0001 NOT_APPLICABLE',
    ]);
  });

  it('cleans stale results across several pages of GetComplianceDetailsByConfigRule', async () => {
    // Prepare: 150 results from an earlier run, none seen now
    const seed = new ConfigServiceClient(await freshConfig(A));
    for (const batch of [0, 100]) {
      await seed.send(
        new PutEvaluationsCommand({
          ResultToken: RULE,
          Evaluations: Array.from({ length: Math.min(100, 150 - batch) }, (_, i) => ({
            ComplianceResourceType: 'AWS::KMS::Key',
            ComplianceResourceId: `old-${batch + i}`,
            ComplianceType: 'NON_COMPLIANT',
            OrderingTimestamp: new Date('2026-11-22T12:00:00.000Z'),
          })),
        }),
      );
    }
    const rule = testRule(async () => ({ findings: [], complete: true }));
    const { handler, puts } = await handlerWithCountingClient(rule);
    // Act
    const summary = await handler(scheduledEvent({ accountId: A, ruleName: RULE }), lambdaContext);
    // Assess
    expect(summary).toMatchObject({ cleaned: 150, evaluationsPut: 150 });
    expect(puts()).toBe(2);
    expect(await recorded(A, ['COMPLIANT', 'NON_COMPLIANT'])).toEqual([]);
    expect(await recorded(A, ['NOT_APPLICABLE'])).toHaveLength(150);
  });

  it('does not clean stale results after an incomplete run', async () => {
    const seed = new ConfigServiceClient(await freshConfig(A));
    await seed.send(
      new PutEvaluationsCommand({
        ResultToken: RULE,
        Evaluations: [
          {
            ComplianceResourceType: 'AWS::KMS::Key',
            ComplianceResourceId: 'old-key',
            ComplianceType: 'NON_COMPLIANT',
            OrderingTimestamp: new Date('2026-11-22T12:00:00.000Z'),
          },
        ],
      }),
    );
    const rule = testRule(async () => ({
      findings: findings(1),
      complete: false,
      incomplete: ['account 222222222222 unreadable'],
    }));
    const { handler, records } = await handlerWithCountingClient(rule);
    const summary = await handler(scheduledEvent({ accountId: A, ruleName: RULE }), lambdaContext);
    expect(summary).toMatchObject({ complete: false, cleanupSkipped: true, cleaned: 0, evaluationsPut: 1 });
    expect(brief(await recorded(A))).toEqual([
      'AWS::KMS::Key key-0000 COMPLIANT',
      'AWS::KMS::Key old-key NON_COMPLIANT',
    ]);
    expect(records.find((r) => r.level === 'WARN')).toMatchObject({
      incomplete: ['account 222222222222 unreadable'],
    });
  });

  it('stops on an expired time budget, puts what is complete and leaves earlier results alone', async () => {
    // Prepare: one earlier result; the Lambda has 13 s left, 10 s reserved, 1 s per resource
    const seed = new ConfigServiceClient(await freshConfig(A));
    await seed.send(
      new PutEvaluationsCommand({
        ResultToken: RULE,
        Evaluations: [
          {
            ComplianceResourceType: 'AWS::KMS::Key',
            ComplianceResourceId: 'old-key',
            ComplianceType: 'NON_COMPLIANT',
            OrderingTimestamp: new Date('2026-11-22T12:00:00.000Z'),
          },
        ],
      }),
    );
    let remaining = 13_000;
    const rule = testRule(async (_inv, ctx) => {
      const done = [];
      for (const f of findings(10)) {
        if (ctx.budget.expired())
          return { findings: done, complete: false, incomplete: [`${10 - done.length} keys`] };
        done.push(f);
        remaining -= 1_000;
      }
      return { findings: done, complete: true };
    });
    const counting = await countingConfigClient(A);
    const handler = createConfigRuleHandler(rule, {
      configClientFor: () => counting.client,
      logger: createCapturingLogger().logger,
      reserveMs: 10_000,
    });
    // Act
    const summary = await handler(scheduledEvent({ accountId: A, ruleName: RULE }), {
      getRemainingTimeInMillis: () => remaining,
    });
    // Assess
    expect(summary).toMatchObject({
      complete: false,
      cleanupSkipped: true,
      evaluationsPut: 3,
      incomplete: ['7 keys'],
    });
    expect(brief(await recorded(A))).toEqual([
      'AWS::KMS::Key key-0000 COMPLIANT',
      'AWS::KMS::Key key-0001 COMPLIANT',
      'AWS::KMS::Key key-0002 COMPLIANT',
      'AWS::KMS::Key old-key NON_COMPLIANT',
    ]);
  });

  it('inflates an oversized S3 bucket item from GetResourceConfigHistory and evaluates it', async () => {
    // Prepare
    await new S3Client(await freshConfig(A)).send(
      new CreateBucketCommand({
        Bucket: 'golden-ami-logs',
        CreateBucketConfiguration: { LocationConstraint: REGION },
      }),
    );
    const rule = testRule(
      async (inv) => {
        const ci = inv.kind === 'change' ? inv.configurationItem : undefined;
        const name = (ci?.configuration as { name?: string } | undefined)?.name;
        return {
          findings: [
            finding({
              resourceType: 'AWS::S3::Bucket',
              resourceId: ci?.resourceId ?? '?',
              compliance: name === 'golden-ami-logs' ? 'COMPLIANT' : 'NON_COMPLIANT',
              reasons:
                name === 'golden-ami-logs'
                  ? []
                  : [{ code: 'NO_CONFIGURATION', message: 'The configuration was not inflated.' }],
            }),
          ],
          complete: true,
        };
      },
      { kind: 'change', resourceTypes: ['AWS::S3::Bucket'] },
    );
    const { handler } = await handlerWithCountingClient(rule);
    // Act
    await handler(
      oversizedEvent({
        accountId: A,
        ruleName: RULE,
        ci: {
          resourceType: 'AWS::S3::Bucket',
          resourceId: 'golden-ami-logs',
          ARN: 'arn:aws:s3:::golden-ami-logs',
        },
      }),
      lambdaContext,
    );
    // Assess
    const inv = rule.calls[0];
    expect(inv?.kind === 'change' && inv.configurationItem.awsAccountId).toBe(A);
    expect(brief(await recorded(A))).toEqual(['AWS::S3::Bucket golden-ami-logs COMPLIANT']);
  });

  it('records NOT_APPLICABLE for a deleted resource without calling the evaluator', async () => {
    const rule = testRule(async () => ({ findings: [], complete: true }), {
      kind: 'change',
      resourceTypes: ['AWS::KMS::Key'],
    });
    const { handler } = await handlerWithCountingClient(rule);
    await handler(
      changeEvent({
        accountId: A,
        ruleName: RULE,
        ci: { resourceId: 'key-9', configurationItemStatus: 'ResourceDeleted' },
      }),
      lambdaContext,
    );
    expect(rule.calls).toHaveLength(0);
    expect(brief(await recorded(A))).toEqual(['AWS::KMS::Key key-9 NOT_APPLICABLE']);
  });

  it('assumes ExecutionRoleName in the event account and puts evaluations there; reads other accounts with the same role', async () => {
    // Prepare
    const member = '222222222222';
    const other = '333333333333';
    const base = await emulatorConfig(EMULATOR_DEFAULT_ACCOUNT, REGION);
    const identities: string[] = [];
    const rule = testRule(async (inv, ctx) => {
      for (const account of [inv.accountId, other]) {
        const who = await new STSClient(ctx.awsConfigFor(account, inv.region)).send(
          new GetCallerIdentityCommand({}),
        );
        identities.push(`${who.Account} ${who.Arn?.split('/')[1]}`);
      }
      return {
        findings: [
          finding({ resourceType: 'AWS::::Account', resourceId: inv.accountId, accountId: inv.accountId }),
        ],
        complete: true,
      };
    });
    const handler = createConfigRuleHandler(rule, {
      stsClientConfig: { endpoint: emulatorEndpoint(), region: REGION, credentials: base.credentials },
      awsConfigOverrides: { endpoint: emulatorEndpoint(), maxAttempts: 2 },
      logger: createCapturingLogger().logger,
    });
    // Act
    const summary = await handler(
      scheduledEvent({
        accountId: member,
        ruleName: RULE,
        ruleParameters: { ExecutionRoleName: '/security/AmiShareGuardMember' },
      }),
      lambdaContext,
    );
    // Assess
    expect(summary.organizationMode).toBe(true);
    expect(identities).toEqual([`${member} AmiShareGuardMember`, `${other} AmiShareGuardMember`]);
    expect(brief(await recorded(member))).toEqual([`AWS::::Account ${member} COMPLIANT`]);
    expect(await recorded(EMULATOR_DEFAULT_ACCOUNT)).toEqual([]);
    expect(await recorded(A)).toEqual([]);
  });
});
