import type { Finding } from '../../../rules/core/finding';
import { flattenFindings } from '../../../rules/output/flattenFindings';
import { scenariosOf } from '../../../rules/output/findingText';
import type { DemoCase, DemoResourceRef } from '../../../examples/demoCases';

/** Whether a finding is about the referenced resource (account ids must match account and Region too). */
export function refersTo(f: Finding, ref: DemoResourceRef): boolean {
  const named =
    ref.ids.includes(f.resourceId) || (f.resourceArn !== undefined && ref.ids.includes(f.resourceArn));
  if (!named) return false;
  if (f.accountId !== ref.accountId) return false;
  return f.resourceType === 'AWS::::Account' ? f.region === ref.region : true;
}

export interface CaseVerdict {
  readonly scenario: string;
  /** A NON_COMPLIANT finding (or detail) names a broken resource and the scenario. */
  readonly brokenReported: boolean;
  /** Findings that wrongly call a twin resource NON_COMPLIANT (or its account and Region, for this scenario). */
  readonly twinFalsePositives: readonly string[];
  /** A COMPLIANT finding names a twin resource, or the twin's account and Region pass for a rule covering the scenario. */
  readonly twinReportedCompliant: boolean;
}

/** Judges a scan of the demo organization against its cases (used by the e2e test). */
export function demoCaseVerdicts(findings: readonly Finding[], cases: readonly DemoCase[]): CaseVerdict[] {
  const flat = flattenFindings(findings);
  return cases.map((c) => {
    const brokenReported = flat.some(
      ({ finding, parent }) =>
        finding.compliance === 'NON_COMPLIANT' &&
        c.broken.some((ref) => refersTo(finding, ref)) &&
        (scenariosOf(finding).includes(c.scenario) ||
          (parent !== undefined && scenariosOf(parent).includes(c.scenario))),
    );
    const twinFalsePositives = flat
      .filter(({ finding }) => finding.compliance === 'NON_COMPLIANT')
      .filter(
        ({ finding }) =>
          c.twin.some((ref) => refersTo(finding, ref)) ||
          (finding.resourceType === 'AWS::::Account' &&
            scenariosOf(finding).includes(c.scenario) &&
            c.twin.some((ref) => ref.accountId === finding.accountId && ref.region === finding.region)),
      )
      .map(
        ({ finding }) =>
          `${finding.ruleId} ${finding.accountId}/${finding.region} ${finding.resourceId}: ${finding.reasons.map((r) => r.message).join('; ')}`,
      );
    const twinReportedCompliant = flat.some(
      ({ finding }) =>
        finding.compliance === 'COMPLIANT' &&
        (c.twin.some((ref) => refersTo(finding, ref)) ||
          (finding.resourceType === 'AWS::::Account' &&
            c.twin.some((ref) => ref.accountId === finding.accountId && ref.region === finding.region))),
    );
    return { scenario: c.scenario, brokenReported, twinFalsePositives, twinReportedCompliant };
  });
}
