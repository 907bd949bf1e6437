import { TargetSet } from '../imagebuilder-distribution-key-shareable/dependencies';
import { imageBuilderFactsOf, inScope } from '../imagebuilder-distribution-key-shareable/scopeHelpers';
import { findRegion, parseKmsArn } from '../inventory/lookup';
import type { Inventory } from '../inventory/model';
import type { CollectTarget, EvaluationScope } from '../kit/inventoryRule';
import type { ImageRecipe } from '../inventory/imageBuilderModel';
import { IMAGE_RECIPE } from './checkRecipe';
import { resolveParentImage } from './resolveParentImage';

/** The fact families a recipe check reads in the evaluated account and Region. */
export const RECIPE_FAMILIES = ['keys', 'images', 'ebsEncryption', 'imageBuilder', 'sharedWithMe'] as const;

/** Keys in other accounts that a recipe depends on: foreign recipe keys and the keys of a shared parent AMI. */
export function addRecipeDependencies(
  targets: TargetSet,
  inventory: Inventory,
  scope: EvaluationScope,
  recipe: ImageRecipe,
): void {
  for (const m of recipe.blockDeviceMappings) {
    const arn = m.ebs?.kmsKeyId ? parseKmsArn(m.ebs.kmsKeyId) : undefined;
    if (arn && (arn.accountId !== scope.accountId || arn.region !== scope.region)) {
      targets.add(arn.accountId, arn.region, ['keys']);
    }
  }
  const parent = resolveParentImage(inventory, scope.accountId, scope.region, recipe.parentImage);
  if (parent.kind === 'shared') {
    for (const s of parent.image.snapshots) {
      if (s.snapshot.status !== 'known' || !s.snapshot.value.kmsKeyId) continue;
      const arn = parseKmsArn(s.snapshot.value.kmsKeyId);
      if (arn && !findRegion(inventory, arn.accountId, arn.region))
        targets.add(arn.accountId, arn.region, ['keys']);
    }
  }
}

export function recipeDependencies(
  inventory: Inventory,
  _params: unknown,
  scope: EvaluationScope,
): CollectTarget[] {
  const read = imageBuilderFactsOf(inventory, scope, 'dependencies');
  if ('unreadable' in read) return [];
  const targets = new TargetSet();
  for (const recipe of read.facts.imageRecipes) {
    if (inScope(scope, IMAGE_RECIPE, recipe.arn, recipe.name))
      addRecipeDependencies(targets, inventory, scope, recipe);
  }
  return targets.toTargets(scope, RECIPE_FAMILIES);
}
