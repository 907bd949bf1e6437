import { createConfigRuleHandler } from '../core/createConfigRuleHandler';
import { sharedAmiUsesCustomerManagedKeyRule } from './rule';

export const handler = createConfigRuleHandler(sharedAmiUsesCustomerManagedKeyRule);
