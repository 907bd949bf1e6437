import {
  paginateDescribeAggregateComplianceByConfigRules,
  paginateGetAggregateComplianceDetailsByConfigRule,
  type AggregateEvaluationResult,
  type ConfigServiceClient,
} from '@aws-sdk/client-config-service';
import { TokenBucket } from '../securityhub/TokenBucket';
import { packRuleIdOf } from './packRuleIdOf';

/** API limits (reference §7). */
export const DESCRIBE_AGGREGATE_COMPLIANCE_LIMIT = 1000;
export const AGGREGATE_DETAILS_LIMIT = 100;

/** One pack rule as deployed in one account and Region, as the aggregator names it. */
export interface DeployedRule {
  readonly ruleId: string;
  readonly configRuleName: string;
  readonly accountId: string;
  readonly region: string;
  /** The rollup: COMPLIANT, NON_COMPLIANT (with how many resources) or INSUFFICIENT_DATA. */
  readonly complianceType: string;
  readonly nonCompliantResources?: number;
}

export interface RuleResults {
  readonly rule: DeployedRule;
  readonly results: readonly AggregateEvaluationResult[];
}

export interface AggregateCompliance {
  readonly rules: readonly DeployedRule[];
  readonly results: readonly RuleResults[];
  /** What could not be read (a rule in an account and Region, and why): the report says so. */
  readonly unreadable: readonly string[];
}

export interface ReadAggregateComplianceOptions {
  readonly client: ConfigServiceClient;
  readonly aggregatorName: string;
  /** The pack's rule ids (from `allRules`). */
  readonly ruleIds: readonly string[];
  /**
   * Pace of the aggregator calls. AWS publishes no TPS quota for these APIs; the SDK's adaptive
   * retries absorb throttling, and the pace keeps a large organization from causing it.
   * @default 5 a second
   */
  readonly requestsPerSecond?: number;
  /** Token-bucket clock (fake timers in tests). */
  readonly clock?: { now: () => number; sleep?: (ms: number) => Promise<void> };
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Reads the pack's compliance through the organization aggregator:
 * 1. `DescribeAggregateComplianceByConfigRules` (paginated, Limit 1000) lists every rule in every
 *    account and Region; the pack's rules are picked out by name — their own id,
 *    `OrgConfigRule-<id>-…` or `<id>-conformance-pack-…`;
 * 2. `GetAggregateComplianceDetailsByConfigRule` (paginated, Limit 100), which takes one account
 *    and Region per call, once for NON_COMPLIANT and once for COMPLIANT results (the only types it
 *    filters on) per deployed rule.
 * A details read that fails is named in `unreadable`, never dropped silently; a failing rollup throws.
 */
export async function readAggregateCompliance(
  options: ReadAggregateComplianceOptions,
): Promise<AggregateCompliance> {
  const rate = options.requestsPerSecond ?? 5;
  const bucket = new TokenBucket({
    ratePerSecond: rate,
    capacity: 1,
    ...(options.clock
      ? { now: options.clock.now, ...(options.clock.sleep ? { sleep: options.clock.sleep } : {}) }
      : {}),
  });

  const rules: DeployedRule[] = [];
  await bucket.take();
  const rollups = paginateDescribeAggregateComplianceByConfigRules(
    { client: options.client, pageSize: DESCRIBE_AGGREGATE_COMPLIANCE_LIMIT },
    { ConfigurationAggregatorName: options.aggregatorName },
  );
  for await (const page of rollups) {
    for (const r of page.AggregateComplianceByConfigRules ?? []) {
      const name = r.ConfigRuleName;
      const ruleId = name === undefined ? undefined : packRuleIdOf(name, options.ruleIds);
      if (!ruleId || !name || !r.AccountId || !r.AwsRegion) continue;
      rules.push({
        ruleId,
        configRuleName: name,
        accountId: r.AccountId,
        region: r.AwsRegion,
        complianceType: r.Compliance?.ComplianceType ?? 'INSUFFICIENT_DATA',
        ...(r.Compliance?.ComplianceContributorCount?.CappedCount === undefined
          ? {}
          : { nonCompliantResources: r.Compliance.ComplianceContributorCount.CappedCount }),
      });
    }
    if (page.NextToken) await bucket.take();
  }

  const results: RuleResults[] = [];
  const unreadable: string[] = [];
  for (const rule of rules) {
    const collected: AggregateEvaluationResult[] = [];
    try {
      for (const complianceType of ['NON_COMPLIANT', 'COMPLIANT'] as const) {
        await bucket.take();
        const pages = paginateGetAggregateComplianceDetailsByConfigRule(
          { client: options.client, pageSize: AGGREGATE_DETAILS_LIMIT },
          {
            ConfigurationAggregatorName: options.aggregatorName,
            ConfigRuleName: rule.configRuleName,
            AccountId: rule.accountId,
            AwsRegion: rule.region,
            ComplianceType: complianceType,
          },
        );
        for await (const page of pages) {
          collected.push(...(page.AggregateEvaluationResults ?? []));
          if (page.NextToken) await bucket.take();
        }
      }
      results.push({ rule, results: collected });
    } catch (error) {
      unreadable.push(
        `results of ${rule.configRuleName} in ${rule.accountId} ${rule.region} (${errorText(error)})`,
      );
    }
  }
  return { rules, results, unreadable };
}
