import type { Finding } from '../core/finding';
import type { ImageBuilderFacts } from '../inventory/imageBuilderModel';
import { findRegion } from '../inventory/lookup';
import type { Inventory, RegionFacts } from '../inventory/model';
import type { EvaluationScope } from '../kit/inventoryRule';
import { scopeNamesResource } from '../kit/scopeNamesResource';
import { FACT_UNREADABLE } from './problem';

/** Whether a resource (by ARN and name) is the one a change-triggered run is about. */
export function inScope(scope: EvaluationScope, resourceType: string, arn: string, name: string): boolean {
  return scopeNamesResource(scope, resourceType, [arn, name]);
}

/** The resource id to report: the configuration item's in a change-triggered run, else the ARN. */
export function reportedId(scope: EvaluationScope, arn: string): string {
  return scope.resource?.resourceId ?? arn;
}

/** The Image Builder facts of the evaluated account and Region, or the finding saying they are unreadable. */
export function imageBuilderFactsOf(
  inventory: Inventory,
  scope: EvaluationScope,
  ruleId: string,
): { region: RegionFacts; facts: ImageBuilderFacts } | { unreadable: Finding } {
  const region = findRegion(inventory, scope.accountId, scope.region);
  const why = !region
    ? `${scope.accountId} ${scope.region} was not read`
    : region.imageBuilder.status === 'unknown'
      ? `${region.imageBuilder.reason.code}: ${region.imageBuilder.reason.message}`
      : undefined;
  if (region && region.imageBuilder.status === 'known') return { region, facts: region.imageBuilder.value };
  const resource = scope.resource;
  return {
    unreadable: {
      ruleId,
      resourceType: resource ? resource.resourceType : 'AWS::::Account',
      resourceId: resource ? resource.resourceId : scope.accountId,
      ...(resource?.arn ? { resourceArn: resource.arn } : {}),
      accountId: scope.accountId,
      region: scope.region,
      compliance: 'NON_COMPLIANT',
      scenarios: [],
      reasons: [
        {
          code: FACT_UNREADABLE,
          message:
            `The Image Builder resources of ${scope.accountId} in ${scope.region} could not be read (${why ?? 'unknown'}).`.slice(
              0,
              200,
            ),
        },
      ],
    } satisfies Finding,
  };
}
