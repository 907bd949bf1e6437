import type { Finding } from '../core/finding';

/** A finding with the evaluation it sits under (per-AMI details sit under an account evaluation). */
export interface FlatFinding {
  readonly finding: Finding;
  /** The evaluation this detail belongs to; absent for top-level evaluations. */
  readonly parent?: Finding;
}

/** Every evaluation followed by its details, depth first, in input order. */
export function flattenFindings(findings: readonly Finding[]): FlatFinding[] {
  const out: FlatFinding[] = [];
  const walk = (finding: Finding, parent: Finding | undefined): void => {
    out.push(parent ? { finding, parent } : { finding });
    for (const detail of finding.details ?? []) walk(detail, finding);
  };
  for (const finding of findings) walk(finding, undefined);
  return out;
}

/**
 * The resources to act on: every NON_COMPLIANT detail, and every NON_COMPLIANT evaluation that has
 * no NON_COMPLIANT detail (its own resource is the one to fix). One entry per resource.
 */
export function nonCompliantResources(findings: readonly Finding[]): FlatFinding[] {
  return flattenFindings(findings).filter(
    ({ finding }) =>
      finding.compliance === 'NON_COMPLIANT' &&
      !(finding.details ?? []).some((d) => d.compliance === 'NON_COMPLIANT'),
  );
}
