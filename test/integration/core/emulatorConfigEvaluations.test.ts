import { beforeEach, describe, expect, it } from 'vitest';
import {
  ConfigServiceClient,
  GetComplianceDetailsByConfigRuleCommand,
  PutEvaluationsCommand,
  type Evaluation,
} from '@aws-sdk/client-config-service';
import { EMULATOR_DEFAULT_ACCOUNT, emulatorConfig, resetEmulator } from '../../support/emulator';

const at = new Date('2026-11-23T10:00:00.000Z');
const ev = (overrides: Partial<Evaluation> = {}): Evaluation => ({
  ComplianceResourceType: 'AWS::KMS::Key',
  ComplianceResourceId: 'k-1',
  ComplianceType: 'COMPLIANT',
  OrderingTimestamp: at,
  ...overrides,
});

async function client(): Promise<ConfigServiceClient> {
  return new ConfigServiceClient(await emulatorConfig(EMULATOR_DEFAULT_ACCOUNT, 'eu-west-1'));
}

describe('emulator: PutEvaluations and GetComplianceDetailsByConfigRule', () => {
  beforeEach(resetEmulator);

  it.each<[string, Evaluation[], RegExp]>([
    [
      '101 evaluations',
      Array.from({ length: 101 }, (_, i) => ev({ ComplianceResourceId: `k-${i}` })),
      /less than or equal to 100/,
    ],
    [
      'a 257-character annotation',
      [ev({ Annotation: 'a'.repeat(257) })],
      /annotation.*less than or equal to 256/,
    ],
    ['an empty annotation', [ev({ Annotation: '' })], /annotation.*greater than or equal to 1/],
    [
      'INSUFFICIENT_DATA',
      [ev({ ComplianceType: 'INSUFFICIENT_DATA' })],
      /does not accept ComplianceType INSUFFICIENT_DATA/,
    ],
    [
      'a 769-character resource id',
      [ev({ ComplianceResourceId: 'x'.repeat(769) })],
      /complianceResourceId.*less than or equal to 768/,
    ],
  ])('rejects %s like the real API', async (_case, evaluations, message) => {
    const c = await client();
    await expect(
      c.send(new PutEvaluationsCommand({ ResultToken: 'r', Evaluations: evaluations })),
    ).rejects.toThrow(message);
  });

  it('records nothing in TestMode', async () => {
    const c = await client();
    await c.send(new PutEvaluationsCommand({ ResultToken: 'r', Evaluations: [ev()], TestMode: true }));
    const out = await c.send(new GetComplianceDetailsByConfigRuleCommand({ ConfigRuleName: 'r' }));
    expect(out.EvaluationResults).toEqual([]);
  });

  it('keeps the latest result per (rule, type, id), filters by compliance type and pages by Limit', async () => {
    // Prepare
    const c = await client();
    await c.send(
      new PutEvaluationsCommand({
        ResultToken: 'r',
        Evaluations: [ev(), ev({ ComplianceResourceId: 'k-2' })],
      }),
    );
    await c.send(
      new PutEvaluationsCommand({
        ResultToken: 'r',
        Evaluations: [
          ev({ ComplianceType: 'NON_COMPLIANT', Annotation: 'Bad.' }),
          ev({ ComplianceResourceId: 'k-3' }),
        ],
      }),
    );
    await c.send(
      new PutEvaluationsCommand({
        ResultToken: 'other-rule',
        Evaluations: [ev({ ComplianceResourceId: 'k-9' })],
      }),
    );
    // Act
    const nonCompliant = await c.send(
      new GetComplianceDetailsByConfigRuleCommand({
        ConfigRuleName: 'r',
        ComplianceTypes: ['NON_COMPLIANT'],
      }),
    );
    const page1 = await c.send(
      new GetComplianceDetailsByConfigRuleCommand({ ConfigRuleName: 'r', Limit: 2 }),
    );
    const page2 = await c.send(
      new GetComplianceDetailsByConfigRuleCommand({
        ConfigRuleName: 'r',
        Limit: 2,
        NextToken: page1.NextToken,
      }),
    );
    // Assess
    expect(nonCompliant.EvaluationResults).toEqual([
      {
        EvaluationResultIdentifier: {
          EvaluationResultQualifier: {
            ConfigRuleName: 'r',
            ResourceType: 'AWS::KMS::Key',
            ResourceId: 'k-1',
            EvaluationMode: 'DETECTIVE',
          },
          OrderingTimestamp: at,
        },
        ComplianceType: 'NON_COMPLIANT',
        ResultRecordedTime: expect.any(Date),
        ConfigRuleInvokedTime: at,
        Annotation: 'Bad.',
      },
    ]);
    const ids = [...(page1.EvaluationResults ?? []), ...(page2.EvaluationResults ?? [])].map(
      (r) => r.EvaluationResultIdentifier?.EvaluationResultQualifier?.ResourceId,
    );
    expect(page1.EvaluationResults).toHaveLength(2);
    expect(page2.NextToken).toBeUndefined();
    expect(ids).toEqual(['k-1', 'k-2', 'k-3']);
  });

  it('rejects a Limit above 100', async () => {
    const c = await client();
    await expect(
      c.send(new GetComplianceDetailsByConfigRuleCommand({ ConfigRuleName: 'r', Limit: 101 })),
    ).rejects.toThrow(/less than or equal to 100/);
  });
});
