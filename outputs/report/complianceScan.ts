import type { ComplianceType, Finding } from '../../rules/core/finding';
import { SCAN_FORMAT_VERSION, type ScanResult, type ScanRuleInfo } from '../../rules/output/scanResult';
import type { AggregateCompliance } from './readAggregateCompliance';

const COMPLIANCE: ReadonlySet<string> = new Set<ComplianceType>([
  'COMPLIANT',
  'NON_COMPLIANT',
  'NOT_APPLICABLE',
]);

export interface ComplianceScanOptions {
  readonly aggregatorName: string;
  readonly generatedAt: Date;
  readonly partition?: string;
  readonly toolVersion?: string;
}

/**
 * The aggregator's view as a scan result, so the same renderers (CSV, JSON, HTML) as `report`
 * apply. One finding per evaluation result. The aggregator keeps only the 256-character
 * annotation of a result: it becomes the finding's one reason (`CONFIG_ANNOTATION`); the per-AMI
 * details, the exact fix and the matched scenario IDs are not in Config (the rule's covered
 * scenarios are in `rules[]`; Security Hub findings carry the full detail). Reads that failed are
 * listed in `unknownFacts`.
 */
export function complianceScan(
  data: AggregateCompliance,
  rules: readonly ScanRuleInfo[],
  options: ComplianceScanOptions,
): ScanResult {
  const findings: Finding[] = [];
  for (const { rule, results } of data.results) {
    for (const r of results) {
      const q = r.EvaluationResultIdentifier?.EvaluationResultQualifier;
      const compliance = r.ComplianceType ?? '';
      if (!q?.ResourceType || !q.ResourceId || !COMPLIANCE.has(compliance)) continue;
      findings.push({
        ruleId: rule.ruleId,
        resourceType: q.ResourceType,
        resourceId: q.ResourceId,
        accountId: r.AccountId ?? rule.accountId,
        region: r.AwsRegion ?? rule.region,
        compliance: compliance as ComplianceType,
        scenarios: [],
        reasons: r.Annotation ? [{ code: 'CONFIG_ANNOTATION', message: r.Annotation }] : [],
      });
    }
  }
  const accounts = [...new Set(data.rules.map((r) => r.accountId))].sort();
  const regions = [...new Set(data.rules.map((r) => r.region))].sort();
  const deployed = new Set(data.rules.map((r) => r.ruleId));
  return {
    formatVersion: SCAN_FORMAT_VERSION,
    tool: { name: 'ami-share-guard', version: options.toolVersion ?? '0.1.0' },
    generatedAt: options.generatedAt.toISOString(),
    source: {
      kind: 'config-aggregator',
      description: `AWS Config aggregator ${options.aggregatorName}: ${data.rules.length} deployed rule(s) in ${accounts.length} account(s)`,
    },
    partition: options.partition ?? 'aws',
    rules: rules.filter((r) => deployed.has(r.id)).map((r) => ({ ...r, scenarios: [...r.scenarios] })),
    accounts: accounts.map((id) => ({ id })),
    regions,
    findings,
    ...(data.unreadable.length > 0 ? { unknownFacts: [...data.unreadable] } : {}),
  };
}
