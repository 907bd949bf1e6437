import { createConfigRuleHandler } from '../core/createConfigRuleHandler';
import { imagebuilderRecipeKeyShareableRule } from './rule';

export const handler = createConfigRuleHandler(imagebuilderRecipeKeyShareableRule);
