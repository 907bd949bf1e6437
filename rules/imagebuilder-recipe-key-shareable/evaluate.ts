import type { Finding } from '../core/finding';
import type { SharingOptions } from '../imagebuilder-distribution-key-shareable/checkDistribution';
import { sharingDistributions } from '../imagebuilder-distribution-key-shareable/checkDistribution';
import { findingFor, notApplicableFinding } from '../imagebuilder-distribution-key-shareable/problem';
import {
  imageBuilderFactsOf,
  inScope,
  reportedId,
} from '../imagebuilder-distribution-key-shareable/scopeHelpers';
import { sharingOptionsOf } from '../imagebuilder-distribution-key-shareable/sharedParameters';
import type { ImageBuilderFacts, ImagePipeline } from '../inventory/imageBuilderModel';
import type { Inventory } from '../inventory/model';
import type { EvaluationScope } from '../kit/inventoryRule';
import { checkImageRecipe, IMAGE_RECIPE } from './checkRecipe';
import type { RecipeKeyShareableParams } from './metadata';
import { metadata } from './metadata';

/** The pipelines of `facts` that build `recipeArn` and distribute to other accounts. */
export function crossAccountPipelinesOf(
  facts: ImageBuilderFacts,
  recipeArn: string,
  accountId: string,
  options: SharingOptions,
): ImagePipeline[] {
  return facts.imagePipelines.filter((p) => {
    if (p.imageRecipeArn !== recipeArn || !p.distributionConfigurationArn) return false;
    const dc = facts.distributionConfigurations.find((d) => d.arn === p.distributionConfigurationArn);
    return dc !== undefined && sharingDistributions(dc, accountId, options).length > 0;
  });
}

/** One finding per image recipe of the evaluated account and Region. Pure. */
export function evaluateRecipeKeyShareable(
  inventory: Inventory,
  params: RecipeKeyShareableParams,
  scope: EvaluationScope,
): Finding[] {
  const read = imageBuilderFactsOf(inventory, scope, metadata.id);
  if ('unreadable' in read) return [read.unreadable];
  const options = sharingOptionsOf(params);
  const findings: Finding[] = [];
  for (const recipe of read.facts.imageRecipes) {
    if (!inScope(scope, IMAGE_RECIPE, recipe.arn, recipe.name)) continue;
    const resource = {
      resourceType: IMAGE_RECIPE,
      resourceId: reportedId(scope, recipe.arn),
      resourceArn: recipe.arn,
      accountId: scope.accountId,
      region: scope.region,
    };
    if (params.ExcludedRecipes.some((g) => g.matches(recipe.arn) || g.matches(recipe.name))) {
      findings.push(
        notApplicableFinding(metadata.id, resource, {
          code: 'EXCLUDED',
          message: `${recipe.name} is excluded by the ExcludedRecipes parameter.`,
        }),
      );
      continue;
    }
    const pipelines = crossAccountPipelinesOf(read.facts, recipe.arn, scope.accountId, options);
    if (!params.JudgeAllRecipes && pipelines.length === 0) {
      findings.push(
        notApplicableFinding(metadata.id, resource, {
          code: 'NOT_DISTRIBUTED',
          message: `${recipe.name} feeds no pipeline that distributes to other accounts (set JudgeAllRecipes to judge it).`,
        }),
      );
      continue;
    }
    const { problems } = checkImageRecipe(inventory, scope.accountId, scope.region, recipe, options);
    findings.push(
      findingFor(metadata.id, resource, problems, {
        code: 'RECIPE_KEYS_SHAREABLE',
        message: `${recipe.name} ${recipe.version} builds AMIs with no AWS managed key (storage, parent image, EBS default).`,
      }),
    );
  }
  return findings;
}
