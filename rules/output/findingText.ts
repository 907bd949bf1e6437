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

/** The reasons as one line: sentences joined by a space, other messages by `; `. */
export function reasonsText(finding: Finding): string {
  return finding.reasons
    .map((r) => r.message.trim())
    .filter(Boolean)
    .reduce((out, m) => (out === '' ? m : /[.!?]$/.test(out) ? `${out} ${m}` : `${out}; ${m}`), '');
}

/** The human name of a resource when the scan knows it (AMI name, key alias, role or Image Builder name). */
export function resourceNameOf(
  names: Readonly<Record<string, string>> | undefined,
  finding: Pick<Finding, 'resourceId' | 'resourceArn'>,
): string | undefined {
  if (!names) return undefined;
  return names[finding.resourceId] ?? (finding.resourceArn ? names[finding.resourceArn] : undefined);
}

/** A short label for the resource: `AMI ami-0abc`, `key 1234abcd…`, the ARN's last part otherwise. */
export function resourceLabel(finding: Finding): string {
  const type = finding.resourceType.replace(/^AWS::/, '').replace(/^::/, '');
  return `${type} ${finding.resourceId}`;
}
