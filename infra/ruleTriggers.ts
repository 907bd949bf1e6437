import type { ExecutionFrequency, RuleTrigger } from '../rules/core/ruleMetadata';

export const CHANGE_MESSAGE_TYPES = [
  'ConfigurationItemChangeNotification',
  'OversizedConfigurationItemChangeNotification',
] as const;
export const PERIODIC_MESSAGE_TYPE = 'ScheduledNotification';

/** A trigger flattened to what every deployment path (CustomRule, org rule, pack) needs. */
export interface FlatTrigger {
  readonly configurationChanges: boolean;
  readonly periodic: boolean;
  readonly resourceTypes: readonly string[];
  readonly maximumExecutionFrequency?: ExecutionFrequency;
  /** Config message types, in SourceDetail / OrganizationConfigRuleTriggerTypes order. */
  readonly messageTypes: readonly string[];
}

export function flattenTrigger(trigger: RuleTrigger): FlatTrigger {
  switch (trigger.kind) {
    case 'periodic':
      return {
        configurationChanges: false,
        periodic: true,
        resourceTypes: [],
        maximumExecutionFrequency: trigger.maximumExecutionFrequency,
        messageTypes: [PERIODIC_MESSAGE_TYPE],
      };
    case 'change':
      return {
        configurationChanges: true,
        periodic: false,
        resourceTypes: trigger.resourceTypes,
        messageTypes: [...CHANGE_MESSAGE_TYPES],
      };
    case 'hybrid':
      return {
        configurationChanges: true,
        periodic: true,
        resourceTypes: trigger.resourceTypes,
        maximumExecutionFrequency: trigger.maximumExecutionFrequency,
        messageTypes: [...CHANGE_MESSAGE_TYPES, PERIODIC_MESSAGE_TYPE],
      };
  }
}
