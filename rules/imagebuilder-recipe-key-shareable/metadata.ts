import { z } from 'zod';
import type { RuleMetadata } from '../core/ruleMetadata';
import type { GlobPattern } from '../core/ruleParameters';
import { param } from '../core/ruleParameters';
import type { SharedImageBuilderParams } from '../imagebuilder-distribution-key-shareable/sharedParameters';
import {
  sharedParameterShape,
  sharedParameterSpecs,
} from '../imagebuilder-distribution-key-shareable/sharedParameters';
import { IMAGE_RECIPE } from './checkRecipe';

export interface RecipeKeyShareableParams extends SharedImageBuilderParams {
  /** Judge every recipe, not only those feeding a pipeline that distributes to other accounts. */
  readonly JudgeAllRecipes: boolean;
  /** Recipes (ARN or name globs) not to judge. */
  readonly ExcludedRecipes: readonly GlobPattern[];
}

export const parameterSchema: z.ZodType<RecipeKeyShareableParams, Record<string, unknown>> = z.object({
  ...sharedParameterShape,
  JudgeAllRecipes: param.boolean().default(false),
  ExcludedRecipes: param.globs().default([]),
});

export const metadata: RuleMetadata<RecipeKeyShareableParams> = {
  id: 'imagebuilder-recipe-key-shareable',
  title: 'Image Builder recipes build AMIs that can be shared',
  description:
    'Recipes feeding cross-account pipelines: no block device uses the AWS managed key or falls back on an AWS managed EBS default key, and the parent image (AMI, image ARN, ssm:) has no snapshot under the AWS managed key.',
  severity: 'HIGH',
  scenarios: ['D1', 'D3', 'D4', 'D5', 'G2'],
  trigger: {
    kind: 'hybrid',
    resourceTypes: [IMAGE_RECIPE],
    maximumExecutionFrequency: 'TwentyFour_Hours',
  },
  evaluationResourceTypes: [IMAGE_RECIPE, 'AWS::::Account'],
  parameters: [
    ...sharedParameterSpecs,
    {
      name: 'JudgeAllRecipes',
      type: 'Boolean',
      description:
        'true: judge every recipe. false (default): only recipes used by a pipeline whose distribution has target accounts or launch permissions (the others are NOT_APPLICABLE).',
      default: 'false',
      required: false,
    },
    {
      name: 'ExcludedRecipes',
      type: 'CSV',
      description: 'Recipes not to judge: comma-separated globs matched against the recipe ARN and name.',
      default: '',
      required: false,
    },
  ],
  parameterSchema,
  remediation:
    'Create a new recipe version whose block device mappings name a customer managed key (kmsKeyId), make a customer managed key the EBS default key of the Region, and use a parent AMI copied with a customer managed key.',
};
