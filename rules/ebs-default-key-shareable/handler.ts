import { createConfigRuleHandler } from '../core/createConfigRuleHandler';
import { ebsDefaultKeyShareableRule } from './rule';

export const handler = createConfigRuleHandler(ebsDefaultKeyShareableRule);
