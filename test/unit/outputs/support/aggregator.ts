import {
  DescribeAggregateComplianceByConfigRulesCommand,
  GetAggregateComplianceDetailsByConfigRuleCommand,
  type AggregateComplianceByConfigRule,
  type AggregateEvaluationResult,
} from '@aws-sdk/client-config-service';
import type { AwsStub } from 'aws-sdk-client-mock';
import type {
  ServiceInputTypes,
  ServiceOutputTypes,
  ConfigServiceClient,
} from '@aws-sdk/client-config-service';

/** A rollup row as DescribeAggregateComplianceByConfigRules returns it. */
export function rollup(
  name: string,
  accountId: string,
  region: string,
  type: 'COMPLIANT' | 'NON_COMPLIANT',
): AggregateComplianceByConfigRule {
  return {
    ConfigRuleName: name,
    AccountId: accountId,
    AwsRegion: region,
    Compliance: {
      ComplianceType: type,
      ...(type === 'NON_COMPLIANT'
        ? { ComplianceContributorCount: { CappedCount: 1, CapExceeded: false } }
        : {}),
    },
  };
}

/** An evaluation result as GetAggregateComplianceDetailsByConfigRule returns it. */
export function result(
  name: string,
  accountId: string,
  region: string,
  resourceType: string,
  resourceId: string,
  type: 'COMPLIANT' | 'NON_COMPLIANT',
  annotation?: string,
): AggregateEvaluationResult {
  return {
    EvaluationResultIdentifier: {
      EvaluationResultQualifier: { ConfigRuleName: name, ResourceType: resourceType, ResourceId: resourceId },
      OrderingTimestamp: new Date('2026-11-23T17:00:00Z'),
    },
    ComplianceType: type,
    ResultRecordedTime: new Date('2026-11-23T17:00:05Z'),
    ConfigRuleInvokedTime: new Date('2026-11-23T17:00:00Z'),
    AccountId: accountId,
    AwsRegion: region,
    ...(annotation ? { Annotation: annotation } : {}),
  };
}

/**
 * Serves an aggregator from rows, as the real API does: the rollup in pages of `pageSize`, and
 * the details filtered by rule name, account, Region and compliance type (the API requires all
 * but the last), in pages of `pageSize`.
 */
export function serveAggregator(
  config: AwsStub<ServiceInputTypes, ServiceOutputTypes, ConfigServiceClient['config']>,
  rollups: readonly AggregateComplianceByConfigRule[],
  results: readonly AggregateEvaluationResult[],
  pageSize = 2,
): void {
  const page = <T>(items: readonly T[], token: string | undefined) => {
    const start = token ? Number(token) : 0;
    const next = start + pageSize < items.length ? String(start + pageSize) : undefined;
    return { items: items.slice(start, start + pageSize), ...(next ? { next } : {}) };
  };
  config.on(DescribeAggregateComplianceByConfigRulesCommand).callsFake((input: { NextToken?: string }) => {
    const p = page(rollups, input.NextToken);
    return { AggregateComplianceByConfigRules: p.items, ...(p.next ? { NextToken: p.next } : {}) };
  });
  config
    .on(GetAggregateComplianceDetailsByConfigRuleCommand)
    .callsFake(
      (input: {
        ConfigRuleName?: string;
        AccountId?: string;
        AwsRegion?: string;
        ComplianceType?: string;
        NextToken?: string;
      }) => {
        if (!input.ConfigRuleName || !input.AccountId || !input.AwsRegion)
          throw new Error('ValidationException: ConfigRuleName, AccountId and AwsRegion are required');
        const matching = results.filter(
          (r) =>
            r.EvaluationResultIdentifier?.EvaluationResultQualifier?.ConfigRuleName ===
              input.ConfigRuleName &&
            r.AccountId === input.AccountId &&
            r.AwsRegion === input.AwsRegion &&
            (!input.ComplianceType || r.ComplianceType === input.ComplianceType),
        );
        const p = page(matching, input.NextToken);
        return { AggregateEvaluationResults: p.items, ...(p.next ? { NextToken: p.next } : {}) };
      },
    );
}
