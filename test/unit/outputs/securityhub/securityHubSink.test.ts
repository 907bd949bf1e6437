import {
  BatchImportFindingsCommand,
  GetFindingsCommand,
  SecurityHubClient,
  type AwsSecurityFinding,
} from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AwsClientConfig } from '../../../../rules/core/ruleDefinition';
import { defaultProductArn, generatorIdFor, scanOfRun } from '../../../../outputs/securityhub/asffFindings';
import { asffFindingId, renderAsff } from '../../../../rules/output/renderAsff';
import { SecurityHubImportError } from '../../../../outputs/securityhub/SecurityHubImportError';
import { createSecurityHubSink, type SecurityHubRun } from '../../../../outputs/securityhub/securityHubSink';
import { accountFinding, amiFinding, amiRuleMetadata } from '../support/findings';

const hub = mockClient(SecurityHubClient);
const NOW = new Date('2026-11-23T18:00:00.000Z');

/** Each account's credentials are distinct, as the member role's would be. */
const awsConfigFor = (accountId: string, region: string): AwsClientConfig => ({
  region,
  retryMode: 'adaptive',
  maxAttempts: 1,
  credentials: { accessKeyId: `AKIA${accountId}`, secretAccessKey: 'secret' },
});

function run(overrides: Partial<SecurityHubRun> = {}): SecurityHubRun {
  return {
    metadata: amiRuleMetadata,
    accountId: '111111111111',
    region: 'eu-west-1',
    findings: [],
    scope: 'all',
    complete: true,
    ...overrides,
  };
}

function importedFindings(): AwsSecurityFinding[] {
  return hub.commandCalls(BatchImportFindingsCommand).flatMap((c) => c.args[0].input.Findings ?? []);
}

/** A finding as GetFindings returns an earlier import (ACTIVE, FAILED). */
function openFinding(imageId: string, accountId = '111111111111'): AwsSecurityFinding {
  return {
    SchemaVersion: '2018-10-08',
    Id: asffFindingId({
      ruleId: amiRuleMetadata.id,
      accountId,
      region: 'eu-west-1',
      resourceType: 'AWS::EC2::Image',
      resourceId: imageId,
    }),
    ProductArn: `arn:aws:securityhub:eu-west-1:${accountId}:product/${accountId}/default`,
    GeneratorId: generatorIdFor(amiRuleMetadata.id),
    AwsAccountId: accountId,
    CreatedAt: '2026-11-20T00:00:00.000Z',
    UpdatedAt: '2026-11-20T00:00:00.000Z',
    Title: amiRuleMetadata.title,
    Description: 'The key policy omits consumer 222222222222.',
    Resources: [{ Type: 'Other', Id: `arn:aws:ec2:eu-west-1::image/${imageId}` }],
    FindingProviderFields: {
      Severity: { Label: 'HIGH', Original: 'HIGH' },
      Types: ['Software and Configuration Checks/ami-share-guard/L1'],
    },
    Compliance: { Status: 'FAILED' },
    RecordState: 'ACTIVE',
    Workflow: { Status: 'NEW' },
  };
}

describe('Security Hub sink', () => {
  beforeEach(() => {
    hub.reset();
    hub.on(GetFindingsCommand).resolves({ Findings: [] });
    hub.on(BatchImportFindingsCommand).callsFake((input: { Findings?: unknown[] }) => ({
      SuccessCount: input.Findings?.length ?? 0,
      FailedCount: 0,
      FailedFindings: [],
    }));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('imports one FAILED finding per NON_COMPLIANT AMI, with severity, fix and scenario IDs', async () => {
    // Prepare
    const sink = createSecurityHubSink({ awsConfigFor, now: () => NOW });
    const findings = [
      accountFinding([amiFinding('ami-0bad', 'NON_COMPLIANT'), amiFinding('ami-0good', 'COMPLIANT')]),
    ];
    // Act
    const outcome = await sink(run({ findings }));
    // Assess
    const [f, ...rest] = importedFindings();
    expect(rest).toHaveLength(0);
    expect(outcome).toMatchObject({ imported: 1, resolved: 0, importCalls: 1, failed: [] });
    expect(f).toMatchObject({
      AwsAccountId: '111111111111',
      ProductArn: 'arn:aws:securityhub:eu-west-1:111111111111:product/111111111111/default',
      GeneratorId: 'ami-share-guard/shared-ami-key-access',
      Compliance: { Status: 'FAILED' },
      RecordState: 'ACTIVE',
      FindingProviderFields: { Severity: { Label: 'HIGH' } },
      Resources: [{ Id: 'arn:aws:ec2:eu-west-1::image/ami-0bad', Region: 'eu-west-1' }],
      ProductFields: { 'ami-share-guard/Scenarios': 'L1', 'ami-share-guard/Consumer': '222222222222' },
    });
    expect(f?.FindingProviderFields?.Types).toContain('Software and Configuration Checks/ami-share-guard/L1');
    expect(f?.Remediation?.Recommendation?.Text).toContain('222222222222');
    expect((f?.Remediation?.Recommendation?.Text ?? '').length).toBeLessThanOrEqual(512);
  });

  it('sends 1250 findings in 13 calls of at most 100, no more than 10 calls in any second', async () => {
    // Prepare
    vi.useFakeTimers({ now: NOW.getTime() });
    const calls: number[] = [];
    hub.on(BatchImportFindingsCommand).callsFake((input: { Findings?: unknown[] }) => {
      calls.push(Date.now());
      return { SuccessCount: input.Findings?.length ?? 0, FailedCount: 0 };
    });
    const sink = createSecurityHubSink({ awsConfigFor, now: () => NOW });
    const many = Array.from({ length: 1250 }, (_, i) =>
      amiFinding(`ami-${String(i).padStart(8, '0')}`, 'NON_COMPLIANT'),
    );
    // Act
    const pending = sink(run({ findings: [accountFinding(many)] }));
    await vi.runAllTimersAsync();
    const outcome = await pending;
    // Assess
    const sizes = hub.commandCalls(BatchImportFindingsCommand).map((c) => c.args[0].input.Findings?.length);
    expect(sizes).toEqual(Array(12).fill(100).concat([50]));
    expect(outcome.imported).toBe(1250);
    for (const start of calls) {
      expect(calls.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(10);
    }
    expect((calls.at(-1) ?? 0) - (calls[0] ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it("imports each account's findings with that account's own (member-role) credentials", async () => {
    // Prepare
    const sink = createSecurityHubSink({ awsConfigFor, now: () => NOW });
    const findings = [
      accountFinding([amiFinding('ami-0aaa', 'NON_COMPLIANT', '111111111111')], '111111111111'),
      accountFinding([amiFinding('ami-0bbb', 'NON_COMPLIANT', '333333333333')], '333333333333'),
    ];
    // Act
    await sink(run({ findings }));
    // Assess
    const calls = hub.commandCalls(BatchImportFindingsCommand);
    expect(calls).toHaveLength(2);
    for (const call of calls) {
      const client = call.thisValue as SecurityHubClient;
      const credentials = await client.config.credentials();
      const owners = new Set((call.args[0].input.Findings ?? []).map((f) => f.AwsAccountId));
      expect([...owners]).toHaveLength(1);
      expect(credentials.accessKeyId).toBe(`AKIA${[...owners][0]}`);
    }
  });

  it('updates a finding to PASSED and archives it once its AMI is compliant', async () => {
    // Prepare
    hub.on(GetFindingsCommand).resolves({ Findings: [openFinding('ami-0fixed')] });
    const sink = createSecurityHubSink({ awsConfigFor, now: () => NOW });
    // Act
    const outcome = await sink(
      run({ findings: [accountFinding([amiFinding('ami-0fixed', 'COMPLIANT')])], scope: 'resource' }),
    );
    // Assess
    expect(outcome).toMatchObject({ imported: 0, resolved: 1 });
    expect(importedFindings()).toEqual([
      expect.objectContaining({
        Id: openFinding('ami-0fixed').Id,
        Compliance: { Status: 'PASSED' },
        RecordState: 'ARCHIVED',
        FindingProviderFields: {
          Severity: { Label: 'INFORMATIONAL', Original: 'HIGH' },
          Types: ['Software and Configuration Checks/ami-share-guard/L1'],
        },
        UpdatedAt: NOW.toISOString(),
        CreatedAt: '2026-11-20T00:00:00.000Z',
      }),
    ]);
    expect(importedFindings()[0]).not.toHaveProperty('Workflow');
  });

  it('reads open findings for the rule, account and Region only', async () => {
    // Prepare
    const sink = createSecurityHubSink({ awsConfigFor, now: () => NOW });
    // Act
    await sink(run());
    // Assess
    const filters = hub.commandCalls(GetFindingsCommand)[0]?.args[0].input.Filters;
    expect(filters).toEqual({
      ProductArn: [
        {
          Value: 'arn:aws:securityhub:eu-west-1:111111111111:product/111111111111/default',
          Comparison: 'EQUALS',
        },
      ],
      GeneratorId: [{ Value: 'ami-share-guard/shared-ami-key-access', Comparison: 'EQUALS' }],
      AwsAccountId: [{ Value: '111111111111', Comparison: 'EQUALS' }],
      Region: [{ Value: 'eu-west-1', Comparison: 'EQUALS' }],
      RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }],
      ComplianceStatus: [{ Value: 'FAILED', Comparison: 'EQUALS' }],
    });
  });

  it.each([
    {
      scope: 'all' as const,
      complete: true,
      resolved: 1,
      why: 'a complete periodic run no longer reports it',
    },
    {
      scope: 'all' as const,
      complete: false,
      resolved: 0,
      why: 'an incomplete run may simply not have seen it',
    },
    {
      scope: 'resource' as const,
      complete: true,
      resolved: 0,
      why: 'a change-triggered run saw one other resource',
    },
  ])(
    'resolves an open finding for an unseen AMI: $resolved when $why',
    async ({ scope, complete, resolved }) => {
      // Prepare
      hub
        .on(GetFindingsCommand)
        .resolves({ Findings: [openFinding('ami-0gone'), openFinding('ami-0still')] });
      const sink = createSecurityHubSink({ awsConfigFor, now: () => NOW });
      // Act
      const outcome = await sink(
        run({ findings: [accountFinding([amiFinding('ami-0still', 'NON_COMPLIANT')])], scope, complete }),
      );
      // Assess
      expect(outcome.resolved).toBe(resolved);
      const passed = importedFindings().filter((f) => f.Compliance?.Status === 'PASSED');
      expect(passed.map((f) => f.Id)).toEqual(resolved ? [openFinding('ami-0gone').Id] : []);
      expect(importedFindings().find((f) => f.Id === openFinding('ami-0still').Id)?.Compliance?.Status).toBe(
        'FAILED',
      );
    },
  );

  it.each([
    { what: "another rule's finding", change: { GeneratorId: 'ami-share-guard/other-rule' } },
    { what: "another account's finding", change: { AwsAccountId: '999999999999' } },
    { what: 'an archived finding', change: { RecordState: 'ARCHIVED' as const } },
    { what: 'a finding already PASSED', change: { Compliance: { Status: 'PASSED' as const } } },
  ])('never closes $what, even if GetFindings ignored its filters', async ({ change }) => {
    // Prepare
    hub.on(GetFindingsCommand).resolves({ Findings: [{ ...openFinding('ami-0gone'), ...change }] });
    const sink = createSecurityHubSink({ awsConfigFor, now: () => NOW });
    // Act
    const outcome = await sink(run({ findings: [accountFinding([])] }));
    // Assess
    expect(outcome.resolved).toBe(0);
    expect(importedFindings()).toEqual([]);
  });

  it('follows GetFindings pages with the SDK paginator', async () => {
    // Prepare
    const tokens: (string | undefined)[] = [];
    hub.on(GetFindingsCommand).callsFake((input: { NextToken?: string }) => {
      tokens.push(input.NextToken);
      return input.NextToken
        ? { Findings: [openFinding('ami-0p2')] }
        : { Findings: [openFinding('ami-0p1')], NextToken: 'page-2' };
    });
    const sink = createSecurityHubSink({ awsConfigFor, now: () => NOW });
    // Act
    const outcome = await sink(run({ findings: [accountFinding([])] }));
    // Assess
    expect(tokens).toEqual([undefined, 'page-2']);
    expect(outcome.resolved).toBe(2);
  });

  it('names the findings Security Hub refused, after trying every account', async () => {
    // Prepare
    hub.on(BatchImportFindingsCommand).callsFake((input: { Findings?: AwsSecurityFinding[] }) => {
      const bad = (input.Findings ?? []).filter((f) => f.AwsAccountId === '111111111111');
      return {
        SuccessCount: (input.Findings?.length ?? 0) - bad.length,
        FailedCount: bad.length,
        FailedFindings: bad.map((f) => ({
          Id: f.Id,
          ErrorCode: 'InvalidInput',
          ErrorMessage: 'Title too long',
        })),
      };
    });
    const sink = createSecurityHubSink({ awsConfigFor, now: () => NOW });
    const findings = [
      accountFinding([amiFinding('ami-0aaa', 'NON_COMPLIANT', '111111111111')], '111111111111'),
      accountFinding([amiFinding('ami-0bbb', 'NON_COMPLIANT', '333333333333')], '333333333333'),
    ];
    // Act
    const error = await sink(run({ findings })).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(SecurityHubImportError);
    expect((error as Error).message).toContain('ami-0aaa in 111111111111 (InvalidInput: Title too long)');
    expect(hub.commandCalls(BatchImportFindingsCommand)).toHaveLength(2);
  });

  it('still imports the other accounts when Security Hub is off in one, and names that one', async () => {
    // Prepare
    const off = Object.assign(new Error('Account 111111111111 is not subscribed to AWS Security Hub'), {
      name: 'InvalidAccessException',
    });
    hub.on(GetFindingsCommand).callsFake(async (_input: unknown, getClient: () => SecurityHubClient) => {
      const credentials = await getClient().config.credentials();
      if (credentials.accessKeyId === 'AKIA111111111111') throw off;
      return { Findings: [] };
    });
    const sink = createSecurityHubSink({ awsConfigFor, now: () => NOW });
    const findings = [
      accountFinding([amiFinding('ami-0aaa', 'NON_COMPLIANT', '111111111111')], '111111111111'),
      accountFinding([amiFinding('ami-0bbb', 'NON_COMPLIANT', '333333333333')], '333333333333'),
    ];
    // Act
    const error = await sink(run({ findings })).catch((e: unknown) => e);
    // Assess
    expect(importedFindings().map((f) => f.AwsAccountId)).toEqual(['333333333333']);
    expect(error).toBeInstanceOf(SecurityHubImportError);
    expect((error as Error).message).toContain(
      'in 111111111111 (InvalidAccessException: Account 111111111111 is not subscribed to AWS Security Hub)',
    );
  });

  it('imports an account-level NON_COMPLIANT finding when no AMI detail explains it (facts unreadable)', async () => {
    // Prepare
    const sink = createSecurityHubSink({ awsConfigFor, now: () => NOW });
    const unreadable = {
      ...accountFinding([]),
      compliance: 'NON_COMPLIANT' as const,
      reasons: [
        {
          code: 'FACT_UNREADABLE',
          message: 'The launch permissions of ami-0x could not be read: AccessDenied.',
        },
      ],
    };
    // Act
    await sink(run({ findings: [unreadable], complete: false }));
    // Assess
    expect(importedFindings()).toEqual([
      expect.objectContaining({
        Resources: [expect.objectContaining({ Type: 'AwsAccount', Id: 'AWS::::Account:111111111111' })],
      }),
    ]);
  });
});

describe('Security Hub identity of a rule finding', () => {
  it('uses the GeneratorId and ProductArn renderAsff gives, so earlier findings are found again', () => {
    // Prepare
    const scan = scanOfRun(amiRuleMetadata, [accountFinding([amiFinding('ami-0bad', 'NON_COMPLIANT')])], {
      accountId: '111111111111',
      region: 'eu-west-1',
      partition: 'aws',
      at: NOW,
    });
    // Act
    const [asff] = renderAsff(scan);
    // Assess
    expect(asff?.GeneratorId).toBe(generatorIdFor(amiRuleMetadata.id));
    expect(asff?.ProductArn).toBe(defaultProductArn('111111111111', 'eu-west-1'));
  });
});
