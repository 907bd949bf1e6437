import type { EvaluationScope } from './inventoryRule';

/**
 * Whether a resource is one the evaluation looks at: every resource in a periodic run; in a
 * change-triggered run, only the resource of `resourceType` the configuration item names, by any of
 * its identifiers (id, ARN, name: Config's `resourceId` form varies by type).
 */
export function scopeNamesResource(
  scope: EvaluationScope,
  resourceType: string,
  identifiers: readonly string[],
): boolean {
  const r = scope.resource;
  if (!r) return true;
  if (r.resourceType !== resourceType) return false;
  return identifiers.includes(r.resourceId) || (r.arn !== undefined && identifiers.includes(r.arn));
}
