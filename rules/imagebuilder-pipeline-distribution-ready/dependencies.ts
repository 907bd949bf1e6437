import { sharingDistributions } from '../imagebuilder-distribution-key-shareable/checkDistribution';
import {
  addDistributionDependencies,
  TargetSet,
} from '../imagebuilder-distribution-key-shareable/dependencies';
import { imageBuilderFactsOf, inScope } from '../imagebuilder-distribution-key-shareable/scopeHelpers';
import type { SharedImageBuilderParams } from '../imagebuilder-distribution-key-shareable/sharedParameters';
import { sharingOptionsOf } from '../imagebuilder-distribution-key-shareable/sharedParameters';
import { addRecipeDependencies, RECIPE_FAMILIES } from '../imagebuilder-recipe-key-shareable/dependencies';
import type { FactFamily, Inventory } from '../inventory/model';
import type { CollectTarget, EvaluationScope } from '../kit/inventoryRule';
import { IMAGE_PIPELINE } from './metadata';

export const PIPELINE_FAMILIES: readonly FactFamily[] = RECIPE_FAMILIES;

/**
 * Beyond the evaluated account and Region: the recipe's and distribution's foreign keys, and in
 * each target account its roles, Region opt-in and keys in the distribution Region (read through
 * `ExecutionRoleName` in organization mode).
 */
export function pipelineDependencies(
  inventory: Inventory,
  params: SharedImageBuilderParams,
  scope: EvaluationScope,
): CollectTarget[] {
  const read = imageBuilderFactsOf(inventory, scope, 'dependencies');
  if ('unreadable' in read) return [];
  const options = sharingOptionsOf(params);
  const targets = new TargetSet();
  const dcArns = new Set<string>();
  for (const p of read.facts.imagePipelines) {
    if (!inScope(scope, IMAGE_PIPELINE, p.arn, p.name)) continue;
    const recipe = read.facts.imageRecipes.find((r) => r.arn === p.imageRecipeArn);
    if (recipe) addRecipeDependencies(targets, inventory, scope, recipe);
    const dc = read.facts.distributionConfigurations.find((d) => d.arn === p.distributionConfigurationArn);
    if (!dc) continue;
    dcArns.add(dc.arn);
    for (const s of sharingDistributions(dc, scope.accountId, options)) {
      for (const t of s.targetAccountIds) targets.add(t, s.region, ['roles', 'regionOptIn', 'keys']);
    }
  }
  addDistributionDependencies(targets, inventory, scope, options, dcArns);
  return targets.toTargets(scope, PIPELINE_FAMILIES);
}
