import { applyImageBuilderItem } from '../imagebuilder-distribution-key-shareable/applyImageBuilderItem';
import { defineInventoryRule } from '../kit/defineInventoryRule';
import { RECIPE_FAMILIES, recipeDependencies } from './dependencies';
import { evaluateRecipeKeyShareable } from './evaluate';
import { metadata } from './metadata';

export const imagebuilderRecipeKeyShareableRule = defineInventoryRule({
  metadata,
  families: RECIPE_FAMILIES,
  granularity: 'region',
  needsOrganization: false,
  dependencies: recipeDependencies,
  applyConfigurationItem: applyImageBuilderItem,
  evaluate: evaluateRecipeKeyShareable,
});
