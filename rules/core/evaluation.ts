import type { Evaluation } from '@aws-sdk/client-config-service';
import { InvalidInputError } from './errors';
import type { ComplianceType, Finding, Reason } from './finding';
import { renderAnnotation } from './renderAnnotation';

export const MAX_RESOURCE_ID_LENGTH = 768;
export const MAX_RESOURCE_TYPE_LENGTH = 256;

/** One PutEvaluations item from a verdict; validates Config's field limits. */
export function toEvaluation(
  resourceType: string,
  resourceId: string,
  compliance: ComplianceType,
  reasons: readonly Reason[],
  orderingTimestamp: Date,
): Evaluation {
  if (resourceType.length < 1 || resourceType.length > MAX_RESOURCE_TYPE_LENGTH) {
    throw new InvalidInputError(
      'finding.resourceType',
      `expected 1–${MAX_RESOURCE_TYPE_LENGTH} characters, got ${resourceType.length} (${resourceType.slice(0, 80)})`,
    );
  }
  if (resourceId.length < 1 || resourceId.length > MAX_RESOURCE_ID_LENGTH) {
    throw new InvalidInputError(
      'finding.resourceId',
      `expected 1–${MAX_RESOURCE_ID_LENGTH} characters, got ${resourceId.length} (${resourceId.slice(0, 80)}…)`,
    );
  }
  if (Number.isNaN(orderingTimestamp.getTime())) {
    throw new InvalidInputError('orderingTimestamp', 'expected a valid date');
  }
  const annotation = renderAnnotation(reasons);
  return {
    ComplianceResourceType: resourceType,
    ComplianceResourceId: resourceId,
    ComplianceType: compliance,
    OrderingTimestamp: orderingTimestamp,
    ...(annotation === undefined ? {} : { Annotation: annotation }),
  };
}

/** The Evaluation for a finding (its reasons rendered into the annotation). */
export function findingToEvaluation(finding: Finding, orderingTimestamp: Date): Evaluation {
  return toEvaluation(
    finding.resourceType,
    finding.resourceId,
    finding.compliance,
    finding.reasons,
    orderingTimestamp,
  );
}

const RANK: Record<ComplianceType, number> = { NON_COMPLIANT: 2, COMPLIANT: 1, NOT_APPLICABLE: 0 };

/**
 * One finding per (resourceType, resourceId): Config keeps one result per resource, so two
 * verdicts on the same resource in one run are merged, the worst winning and its reasons (and
 * those of equal rank) kept.
 */
export function mergeFindingsByResource(findings: readonly Finding[]): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const f of findings) {
    const key = resourceKey(f.resourceType, f.resourceId);
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, f);
      continue;
    }
    const diff = RANK[f.compliance] - RANK[prev.compliance];
    if (diff > 0) byKey.set(key, f);
    else if (diff === 0)
      byKey.set(key, {
        ...prev,
        reasons: [...prev.reasons, ...f.reasons],
        scenarios: [...new Set([...prev.scenarios, ...f.scenarios])],
      });
  }
  return [...byKey.values()];
}

/** The identity Config gives a result: (type, id), never id alone. */
export function resourceKey(resourceType: string, resourceId: string): string {
  return `${resourceType}\u0000${resourceId}`;
}
