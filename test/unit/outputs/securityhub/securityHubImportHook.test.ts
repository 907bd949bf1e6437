import {
  ConfigServiceClient,
  GetComplianceDetailsByConfigRuleCommand,
  PutEvaluationsCommand,
} from '@aws-sdk/client-config-service';
import {
  BatchImportFindingsCommand,
  GetFindingsCommand,
  SecurityHubClient,
  type AwsSecurityFinding,
} from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCapturingLogger } from '../../../../rules/core/logger';
import { createConfigRuleHandler } from '../../../../rules/core/createConfigRuleHandler';
import { asffFindingId } from '../../../../rules/output/renderAsff';
import { changeEvent, scheduledEvent } from '../../../fixtures/events';
import { testRule } from '../../core/support/testRule';
import { accountFinding, amiFinding } from '../support/findings';

const config = mockClient(ConfigServiceClient);
const hub = mockClient(SecurityHubClient);
const lambdaContext = { getRemainingTimeInMillis: () => 900_000 };

function imported(): AwsSecurityFinding[] {
  return hub.commandCalls(BatchImportFindingsCommand).flatMap((c) => c.args[0].input.Findings ?? []);
}

/** The test rule reports one account evaluation with a broken and a fine AMI. */
function amiRule(trigger?: Parameters<typeof testRule>[1]) {
  return testRule(async (inv) => {
    const ami = (id: string, c: 'COMPLIANT' | 'NON_COMPLIANT') => ({
      ...amiFinding(id, c, inv.accountId, inv.region),
      ruleId: 'test-rule',
    });
    const f = accountFinding(
      [ami('ami-0bad', 'NON_COMPLIANT'), ami('ami-0fine', 'COMPLIANT')],
      inv.accountId,
      inv.region,
    );
    return { findings: [{ ...f, ruleId: 'test-rule' }], complete: true };
  }, trigger);
}

function handlerFor(rule: ReturnType<typeof amiRule>, extra: object = {}) {
  const { logger, records } = createCapturingLogger();
  return {
    records,
    handler: createConfigRuleHandler(rule, {
      configClientFor: (_a, region) => new ConfigServiceClient({ region }),
      awsConfigOverrides: { credentials: { accessKeyId: 'AKIAFUNCTION', secretAccessKey: 's' } },
      logger,
      baseDelayMs: 0,
      ...extra,
    }),
  };
}

describe('Security Hub import at the end of a rule run', () => {
  beforeEach(() => {
    config.reset();
    hub.reset();
    config.on(PutEvaluationsCommand).resolves({ FailedEvaluations: [] });
    config.on(GetComplianceDetailsByConfigRuleCommand).resolves({ EvaluationResults: [] });
    hub.on(GetFindingsCommand).resolves({ Findings: [] });
    hub.on(BatchImportFindingsCommand).callsFake((input: { Findings?: unknown[] }) => ({
      SuccessCount: input.Findings?.length ?? 0,
      FailedCount: 0,
    }));
  });

  it('imports the non-compliant AMI after PutEvaluations when SecurityHubImport is "true"', async () => {
    // Prepare
    const { handler } = handlerFor(amiRule());
    // Act
    const summary = await handler(
      scheduledEvent({ ruleParameters: { SecurityHubImport: 'true' } }),
      lambdaContext,
    );
    // Assess
    expect(config.commandCalls(PutEvaluationsCommand)).toHaveLength(1);
    expect(imported().map((f) => f.Resources?.[0]?.Id)).toEqual(['arn:aws:ec2:eu-west-1::image/ami-0bad']);
    expect(summary.securityHub).toEqual({ imported: 1, resolved: 0 });
  });

  it.each<Record<string, string>>([{}, { SecurityHubImport: 'false' }])(
    'never calls Security Hub when not asked (%o)',
    async (ruleParameters) => {
      // Prepare
      const { handler } = handlerFor(amiRule());
      // Act
      const summary = await handler(scheduledEvent({ ruleParameters }), lambdaContext);
      // Assess
      expect(hub.calls()).toHaveLength(0);
      expect(summary.securityHub).toBeUndefined();
    },
  );

  it('never calls Security Hub when a change-triggered rule ignores a periodic notification', async () => {
    // Prepare: closing "unseen" findings here would close every finding of the rule
    const { handler } = handlerFor(amiRule({ kind: 'change', resourceTypes: ['AWS::KMS::Key'] }));
    // Act
    const summary = await handler(
      scheduledEvent({ ruleParameters: { SecurityHubImport: 'true' } }),
      lambdaContext,
    );
    // Assess
    expect(summary.notApplicable).toMatch(/change-triggered/);
    expect(hub.calls()).toHaveLength(0);
  });

  it('refuses a SecurityHubImport value other than true/false before evaluating, naming the parameter', async () => {
    // Prepare
    const rule = amiRule();
    const { handler } = handlerFor(rule);
    // Act
    const run = handler(scheduledEvent({ ruleParameters: { SecurityHubImport: 'yes' } }), lambdaContext);
    // Assess
    await expect(run).rejects.toThrow(
      'ruleParameters.SecurityHubImport: expected "true" or "false", got "yes"',
    );
    expect(rule.calls).toHaveLength(0);
  });

  it('imports with the member role in the evaluated account (organization mode)', async () => {
    // Prepare
    const { handler } = handlerFor(amiRule(), {
      credentialsForAccount: (accountId: string) => async () => ({
        accessKeyId: `AKIAMEMBER${accountId}`,
        secretAccessKey: 's',
      }),
    });
    // Act
    await handler(
      scheduledEvent({
        accountId: '222222222222',
        ruleParameters: { SecurityHubImport: 'true', ExecutionRoleName: 'AmiShareGuardExecutionRole' },
      }),
      lambdaContext,
    );
    // Assess
    const [call] = hub.commandCalls(BatchImportFindingsCommand);
    const credentials = await (call?.thisValue as SecurityHubClient).config.credentials();
    expect(credentials.accessKeyId).toBe('AKIAMEMBER222222222222');
    expect(call?.args[0].input.Findings?.[0]?.AwsAccountId).toBe('222222222222');
  });

  it('closes the finding of a deleted resource as PASSED + ARCHIVED on its change notification', async () => {
    // Prepare
    const key = '1234abcd-12ab-34cd-56ef-1234567890ab';
    const id = asffFindingId({
      ruleId: 'test-rule',
      accountId: '111111111111',
      region: 'eu-west-1',
      resourceType: 'AWS::KMS::Key',
      resourceId: key,
    });
    hub.on(GetFindingsCommand).resolves({
      Findings: [
        {
          SchemaVersion: '2018-10-08',
          Id: id,
          ProductArn: 'arn:aws:securityhub:eu-west-1:111111111111:product/111111111111/default',
          GeneratorId: 'ami-share-guard/test-rule',
          AwsAccountId: '111111111111',
          CreatedAt: '2026-11-20T00:00:00.000Z',
          UpdatedAt: '2026-11-20T00:00:00.000Z',
          Title: 't',
          Description: 'd',
          Resources: [{ Type: 'AwsKmsKey', Id: key }],
          Compliance: { Status: 'FAILED' },
          RecordState: 'ACTIVE',
        },
      ],
    });
    const rule = amiRule({ kind: 'change', resourceTypes: ['AWS::KMS::Key'] });
    const { handler } = handlerFor(rule);
    // Act
    const summary = await handler(
      changeEvent({
        ruleParameters: { SecurityHubImport: 'true' },
        ci: { configurationItemStatus: 'ResourceDeleted' },
      }),
      lambdaContext,
    );
    // Assess
    expect(rule.calls).toHaveLength(0);
    expect(imported()).toEqual([
      expect.objectContaining({ Id: id, Compliance: { Status: 'PASSED' }, RecordState: 'ARCHIVED' }),
    ]);
    expect(summary.securityHub).toEqual({ imported: 0, resolved: 1 });
  });

  it('fails the run, after PutEvaluations, when Security Hub refuses a finding', async () => {
    // Prepare
    hub.on(BatchImportFindingsCommand).callsFake((input: { Findings?: AwsSecurityFinding[] }) => ({
      SuccessCount: 0,
      FailedCount: 1,
      FailedFindings: [{ Id: input.Findings?.[0]?.Id, ErrorCode: 'InvalidInput', ErrorMessage: 'bad' }],
    }));
    const { handler, records } = handlerFor(amiRule());
    // Act
    const run = handler(scheduledEvent({ ruleParameters: { SecurityHubImport: 'true' } }), lambdaContext);
    // Assess
    await expect(run).rejects.toThrow('Security Hub refused 1 finding(s)');
    expect(config.commandCalls(PutEvaluationsCommand)).toHaveLength(1);
    expect(records.find((r) => r.message === 'rule run failed')).toBeDefined();
  });
});
