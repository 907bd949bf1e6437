import { createConfigRuleHandler } from '../core/createConfigRuleHandler';
import { imagebuilderDistributionKeyShareableRule } from './rule';

export const handler = createConfigRuleHandler(imagebuilderDistributionKeyShareableRule);
