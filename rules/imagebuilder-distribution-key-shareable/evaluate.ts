import type { Finding } from '../core/finding';
import type { Inventory } from '../inventory/model';
import type { EvaluationScope } from '../kit/inventoryRule';
import {
  checkDistributionConfiguration,
  DISTRIBUTION_CONFIGURATION,
  sharingDistributions,
} from './checkDistribution';
import type { DistributionKeyShareableParams } from './metadata';
import { metadata } from './metadata';
import { findingFor } from './problem';
import { imageBuilderFactsOf, inScope, reportedId } from './scopeHelpers';
import { sharingOptionsOf } from './sharedParameters';

/**
 * One finding per distribution configuration of the evaluated account and Region (only the one
 * the configuration item names in change-triggered runs). Pure.
 */
export function evaluateDistributionKeyShareable(
  inventory: Inventory,
  params: DistributionKeyShareableParams,
  scope: EvaluationScope,
): Finding[] {
  const read = imageBuilderFactsOf(inventory, scope, metadata.id);
  if ('unreadable' in read) return [read.unreadable];
  const options = sharingOptionsOf(params);
  const findings: Finding[] = [];
  for (const dc of read.facts.distributionConfigurations) {
    if (!inScope(scope, DISTRIBUTION_CONFIGURATION, dc.arn, dc.name)) continue;
    const resource = {
      resourceType: DISTRIBUTION_CONFIGURATION,
      resourceId: reportedId(scope, dc.arn),
      resourceArn: dc.arn,
      accountId: scope.accountId,
      region: scope.region,
    };
    const sharing = sharingDistributions(dc, scope.accountId, options);
    const { problems } = checkDistributionConfiguration(inventory, scope.accountId, dc, options);
    const keyed = sharing.filter((s) => s.kmsKeyId !== undefined).map((s) => s.region);
    findings.push(
      findingFor(metadata.id, resource, problems, {
        code: sharing.length === 0 ? 'NOT_SHARED' : 'DISTRIBUTION_KEYS_SHAREABLE',
        message:
          sharing.length === 0
            ? `${dc.name} shares its AMIs with no other account.`
            : keyed.length === 0
              ? `${dc.name} names no distribution key; the pipeline rule checks the image's own keys.`
              : `The distribution keys of ${dc.name} (${keyed.join(', ')}) can be shared with its target accounts.`,
      }),
    );
  }
  return findings;
}
