import { createConfigRuleHandler } from '../core/createConfigRuleHandler';
import { sharedAmiKeyGrantsConsumersRule } from './rule';

export const handler = createConfigRuleHandler(sharedAmiKeyGrantsConsumersRule);
