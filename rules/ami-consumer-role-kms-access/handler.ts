import { createConfigRuleHandler } from '../core/createConfigRuleHandler';
import { amiConsumerRoleKmsAccessRule } from './rule';

export const handler = createConfigRuleHandler(amiConsumerRoleKmsAccessRule);
