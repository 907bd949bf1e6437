import {
  paginateGetComplianceDetailsByConfigRule,
  type ConfigServiceClient,
  type Evaluation,
} from '@aws-sdk/client-config-service';
import { toEvaluation, resourceKey } from './evaluation';

export interface CleanupOptions {
  readonly client: ConfigServiceClient;
  readonly ruleName: string;
  /** (type, id) of every resource this run reported. */
  readonly seen: Iterable<{ readonly resourceType: string; readonly resourceId: string }>;
  /** The periodic run's ordering timestamp (`notificationCreationTime`). */
  readonly orderingTimestamp: Date;
}

/**
 * The NOT_APPLICABLE evaluations that retire results this rule reported earlier (COMPLIANT or
 * NON_COMPLIANT) for resources this run did not see. Matching is on (type, id) and each stale
 * result keeps its ORIGINAL resource type (reference §3, "Deleted resources and stale
 * evaluations"). Call it only after a complete run.
 */
export async function cleanupStaleEvaluations(options: CleanupOptions): Promise<Evaluation[]> {
  const seen = new Set<string>();
  for (const r of options.seen) seen.add(resourceKey(r.resourceType, r.resourceId));
  const stale = new Map<string, Evaluation>();
  const pages = paginateGetComplianceDetailsByConfigRule(
    { client: options.client, pageSize: 100 },
    { ConfigRuleName: options.ruleName, ComplianceTypes: ['COMPLIANT', 'NON_COMPLIANT'], Limit: 100 },
  );
  for await (const page of pages) {
    for (const result of page.EvaluationResults ?? []) {
      const q = result.EvaluationResultIdentifier?.EvaluationResultQualifier;
      if (!q?.ResourceType || !q.ResourceId) continue;
      const key = resourceKey(q.ResourceType, q.ResourceId);
      if (seen.has(key) || stale.has(key)) continue;
      stale.set(
        key,
        toEvaluation(q.ResourceType, q.ResourceId, 'NOT_APPLICABLE', [], options.orderingTimestamp),
      );
    }
  }
  return [...stale.values()];
}
