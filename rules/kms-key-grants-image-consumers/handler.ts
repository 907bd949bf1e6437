import { createConfigRuleHandler } from '../core/createConfigRuleHandler';
import { kmsKeyGrantsImageConsumersRule } from './rule';

export const handler = createConfigRuleHandler(kmsKeyGrantsImageConsumersRule);
