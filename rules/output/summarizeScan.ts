import type { ComplianceType, Finding } from '../core/finding';
import type { ScenarioId, Severity } from '../core/ruleMetadata';
import { SCENARIO_IDS } from '../core/ruleMetadata';
import { flattenFindings, nonCompliantResources } from './flattenFindings';
import type { ScanResult } from './scanResult';

export interface ComplianceCounts {
  readonly total: number;
  readonly COMPLIANT: number;
  readonly NON_COMPLIANT: number;
  readonly NOT_APPLICABLE: number;
}

export interface RuleSummary extends ComplianceCounts {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  /** Scenario IDs matched by this rule's NON_COMPLIANT findings (details included), in catalogue order. */
  readonly scenarios: readonly ScenarioId[];
}

export interface GroupSummary extends ComplianceCounts {
  readonly id: string;
  readonly name?: string;
}

export interface ScenarioSummary {
  readonly id: ScenarioId;
  /** NON_COMPLIANT findings (details included) that matched the scenario. */
  readonly nonCompliant: number;
  /** Rules that ran and cover the scenario. */
  readonly coveredBy: readonly string[];
}

export interface ScanSummary {
  /** Over the evaluations (top-level findings), as Config would count them. */
  readonly evaluations: ComplianceCounts;
  /** Resources to act on: NON_COMPLIANT details and detail-less NON_COMPLIANT evaluations. */
  readonly nonCompliantResources: number;
  readonly byRule: readonly RuleSummary[];
  readonly byAccount: readonly GroupSummary[];
  readonly byRegion: readonly GroupSummary[];
  readonly byScenario: readonly ScenarioSummary[];
}

type MutableCounts = { -readonly [K in keyof ComplianceCounts]: number };

function emptyCounts(): MutableCounts {
  return { total: 0, COMPLIANT: 0, NON_COMPLIANT: 0, NOT_APPLICABLE: 0 };
}

function add(counts: MutableCounts, compliance: ComplianceType): void {
  counts.total++;
  counts[compliance]++;
}

function countBy(findings: readonly Finding[], keyOf: (f: Finding) => string): Map<string, MutableCounts> {
  const map = new Map<string, MutableCounts>();
  for (const f of findings) {
    const key = keyOf(f);
    let c = map.get(key);
    if (!c) map.set(key, (c = emptyCounts()));
    add(c, f.compliance);
  }
  return map;
}

/** Totals by compliance, rule, account, Region and scenario: what every report shows first. */
export function summarizeScan(scan: ScanResult): ScanSummary {
  const evaluations = emptyCounts();
  for (const f of scan.findings) add(evaluations, f.compliance);

  const flat = flattenFindings(scan.findings);
  const scenariosByRule = new Map<string, Set<ScenarioId>>();
  const scenarioCounts = new Map<ScenarioId, number>();
  for (const { finding } of flat) {
    if (finding.compliance !== 'NON_COMPLIANT') continue;
    const set = scenariosByRule.get(finding.ruleId) ?? new Set<ScenarioId>();
    scenariosByRule.set(finding.ruleId, set);
    const matched = new Set<ScenarioId>([
      ...finding.scenarios,
      ...finding.reasons.flatMap((r) => r.scenarios ?? []),
    ]);
    for (const s of matched) {
      set.add(s);
      scenarioCounts.set(s, (scenarioCounts.get(s) ?? 0) + 1);
    }
  }

  const ruleCounts = countBy(scan.findings, (f) => f.ruleId);
  const ruleIds = [...scan.rules.map((r) => r.id)];
  for (const id of ruleCounts.keys()) if (!ruleIds.includes(id)) ruleIds.push(id);
  const byRule: RuleSummary[] = ruleIds.map((id) => {
    const info = scan.rules.find((r) => r.id === id);
    const scenarios = scenariosByRule.get(id) ?? new Set<ScenarioId>();
    return {
      id,
      title: info?.title ?? id,
      severity: info?.severity ?? 'MEDIUM',
      ...(ruleCounts.get(id) ?? emptyCounts()),
      scenarios: SCENARIO_IDS.filter((s) => scenarios.has(s)),
    };
  });

  const accountCounts = countBy(scan.findings, (f) => f.accountId);
  const accountIds = [...scan.accounts.map((a) => a.id)];
  for (const id of accountCounts.keys()) if (!accountIds.includes(id)) accountIds.push(id);
  const byAccount: GroupSummary[] = accountIds.map((id) => {
    const name = scan.accounts.find((a) => a.id === id)?.name;
    return { id, ...(name ? { name } : {}), ...(accountCounts.get(id) ?? emptyCounts()) };
  });

  const regionCounts = countBy(scan.findings, (f) => f.region);
  const regionIds = [...scan.regions];
  for (const id of regionCounts.keys()) if (!regionIds.includes(id)) regionIds.push(id);
  const byRegion: GroupSummary[] = regionIds.map((id) => ({
    id,
    ...(regionCounts.get(id) ?? emptyCounts()),
  }));

  const byScenario: ScenarioSummary[] = SCENARIO_IDS.map((id) => ({
    id,
    nonCompliant: scenarioCounts.get(id) ?? 0,
    coveredBy: scan.rules.filter((r) => r.scenarios.includes(id)).map((r) => r.id),
  }));

  return {
    evaluations,
    nonCompliantResources: nonCompliantResources(scan.findings).length,
    byRule,
    byAccount,
    byRegion,
    byScenario,
  };
}
