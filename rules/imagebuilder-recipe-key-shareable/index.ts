export { metadata, parameterSchema } from './metadata';
export type { RecipeKeyShareableParams } from './metadata';
export { crossAccountPipelinesOf, evaluateRecipeKeyShareable } from './evaluate';
export { IMAGE_RECIPE, checkImageRecipe } from './checkRecipe';
export type { RecipeCheck } from './checkRecipe';
export { resolveParentImage, selectImageBuild } from './resolveParentImage';
export type { ParentImage } from './resolveParentImage';
export { RECIPE_FAMILIES, addRecipeDependencies, recipeDependencies } from './dependencies';
export { imagebuilderRecipeKeyShareableRule } from './rule';
