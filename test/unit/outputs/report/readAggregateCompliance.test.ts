import {
  ConfigServiceClient,
  DescribeAggregateComplianceByConfigRulesCommand,
  GetAggregateComplianceDetailsByConfigRuleCommand,
} from '@aws-sdk/client-config-service';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readAggregateCompliance } from '../../../../outputs/report/readAggregateCompliance';
import { result, rollup, serveAggregator } from '../support/aggregator';

const config = mockClient(ConfigServiceClient);
const client = new ConfigServiceClient({ region: 'eu-west-1' });
const IDS = ['shared-ami-key-access', 'imagebuilder-distribution-key'];

const ORG_RULE = 'OrgConfigRule-shared-ami-key-access-wmqphvws';
const PACK_RULE = 'imagebuilder-distribution-key-conformance-pack-x1y2z3';

describe('reading the pack compliance through the aggregator', () => {
  beforeEach(() => {
    config.reset();
    serveAggregator(
      config,
      [
        rollup(ORG_RULE, '111111111111', 'eu-west-1', 'NON_COMPLIANT'),
        rollup('OrgConfigRule-encrypted-volumes-abc123', '111111111111', 'eu-west-1', 'NON_COMPLIANT'),
        rollup(ORG_RULE, '222222222222', 'us-east-1', 'COMPLIANT'),
        rollup(PACK_RULE, '222222222222', 'eu-west-1', 'NON_COMPLIANT'),
        rollup('s3-bucket-versioning-enabled', '222222222222', 'eu-west-1', 'NON_COMPLIANT'),
      ],
      [
        result(
          ORG_RULE,
          '111111111111',
          'eu-west-1',
          'AWS::::Account',
          '111111111111',
          'NON_COMPLIANT',
          'ami-1: key policy omits 222222222222',
        ),
        result(ORG_RULE, '222222222222', 'us-east-1', 'AWS::::Account', '222222222222', 'COMPLIANT'),
        ...Array.from({ length: 5 }, (_, i) =>
          result(
            PACK_RULE,
            '222222222222',
            'eu-west-1',
            'AWS::ImageBuilder::DistributionConfiguration',
            `arn:dc-${i}`,
            i % 2 ? 'COMPLIANT' : 'NON_COMPLIANT',
          ),
        ),
      ],
    );
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("picks out the pack's rules by their generated names, across rollup pages, and skips other rules", async () => {
    // Act
    const data = await readAggregateCompliance({ client, aggregatorName: 'ami-share-guard', ruleIds: IDS });
    // Assess
    expect(data.rules.map((r) => [r.ruleId, r.configRuleName, r.accountId, r.region])).toEqual([
      ['shared-ami-key-access', ORG_RULE, '111111111111', 'eu-west-1'],
      ['shared-ami-key-access', ORG_RULE, '222222222222', 'us-east-1'],
      ['imagebuilder-distribution-key', PACK_RULE, '222222222222', 'eu-west-1'],
    ]);
    expect(config.commandCalls(DescribeAggregateComplianceByConfigRulesCommand)).toHaveLength(3);
    expect(data.unreadable).toEqual([]);
  });

  it('asks for the details one account and Region at a time, NON_COMPLIANT then COMPLIANT, every page', async () => {
    // Act
    const data = await readAggregateCompliance({ client, aggregatorName: 'ami-share-guard', ruleIds: IDS });
    // Assess
    const calls = config
      .commandCalls(GetAggregateComplianceDetailsByConfigRuleCommand)
      .map((c) => c.args[0].input);
    for (const input of calls) {
      expect(input).toMatchObject({ ConfigurationAggregatorName: 'ami-share-guard', Limit: 100 });
      expect(input.AccountId).toMatch(/^\d{12}$/);
      expect(input.AwsRegion).toBeTruthy();
    }
    const pack = data.results.find((r) => r.rule.configRuleName === PACK_RULE);
    expect(pack?.results).toHaveLength(5);
    expect(pack?.results.map((r) => r.ComplianceType)).toEqual([
      'NON_COMPLIANT',
      'NON_COMPLIANT',
      'NON_COMPLIANT',
      'COMPLIANT',
      'COMPLIANT',
    ]);
  });

  it('names a rule whose details could not be read instead of dropping it', async () => {
    // Prepare
    config
      .on(GetAggregateComplianceDetailsByConfigRuleCommand, {
        AccountId: '222222222222',
        AwsRegion: 'us-east-1',
      })
      .rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' }));
    // Act
    const data = await readAggregateCompliance({ client, aggregatorName: 'ami-share-guard', ruleIds: IDS });
    // Assess
    expect(data.unreadable).toEqual([
      `results of ${ORG_RULE} in 222222222222 us-east-1 (AccessDeniedException: not authorized)`,
    ]);
    expect(data.results.map((r) => r.rule.accountId + r.rule.region)).toEqual([
      '111111111111eu-west-1',
      '222222222222eu-west-1',
    ]);
  });

  it('fails when the rollup itself cannot be read (nothing to report)', async () => {
    // Prepare
    config.on(DescribeAggregateComplianceByConfigRulesCommand).rejects(
      Object.assign(new Error('aggregator ami-share-guard not found'), {
        name: 'NoSuchConfigurationAggregatorException',
      }),
    );
    // Act / Assess
    await expect(
      readAggregateCompliance({ client, aggregatorName: 'ami-share-guard', ruleIds: IDS }),
    ).rejects.toThrow('aggregator ami-share-guard not found');
  });

  it('paces its calls at the configured rate', async () => {
    // Prepare
    vi.useFakeTimers({ now: 0 });
    const times: number[] = [];
    config.on(GetAggregateComplianceDetailsByConfigRuleCommand).callsFake(() => {
      times.push(Date.now());
      return { AggregateEvaluationResults: [] };
    });
    // Act
    const pending = readAggregateCompliance({
      client,
      aggregatorName: 'a',
      ruleIds: IDS,
      requestsPerSecond: 2,
    });
    await vi.runAllTimersAsync();
    await pending;
    // Assess
    expect(times).toHaveLength(6);
    for (const start of times)
      expect(times.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(2);
  });
});
