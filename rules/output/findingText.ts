import type { Finding } from '../core/finding';
import type { ScenarioId } from '../core/ruleMetadata';
import { SCENARIO_IDS } from '../core/ruleMetadata';

/** The scenario IDs a finding matched (its own and its reasons'), in catalogue order. */
export function scenariosOf(finding: Finding): ScenarioId[] {
  const set = new Set<ScenarioId>([
    ...finding.scenarios,
    ...finding.reasons.flatMap((r) => r.scenarios ?? []),
  ]);
  return SCENARIO_IDS.filter((s) => set.has(s));
}

/** The reasons as one line: `message; message`. */
export function reasonsText(finding: Finding): string {
  return finding.reasons.map((r) => r.message).join('; ');
}

/** A short label for the resource: `AMI ami-0abc`, `key 1234abcd…`, the ARN's last part otherwise. */
export function resourceLabel(finding: Finding): string {
  const type = finding.resourceType.replace(/^AWS::/, '').replace(/^::/, '');
  return `${type} ${finding.resourceId}`;
}
