import type { ConfigurationItemStatus } from './configEvent';
import type { RuleTrigger } from './ruleMetadata';

export type Applicability =
  { readonly applicable: true } | { readonly applicable: false; readonly why: string };

const EVALUATED_STATUSES: readonly ConfigurationItemStatus[] = ['OK', 'ResourceDiscovered'];

/**
 * Whether a change notification is evaluated (reference §2): status OK/ResourceDiscovered, the
 * resource still in scope, and its type one the rule is triggered by. Anything else is
 * NOT_APPLICABLE without calling the evaluator.
 */
export function changeApplicability(
  item: { readonly configurationItemStatus: ConfigurationItemStatus; readonly resourceType: string },
  eventLeftScope: boolean,
  trigger: RuleTrigger,
): Applicability {
  if (eventLeftScope) return { applicable: false, why: 'the resource left the rule scope' };
  if (!EVALUATED_STATUSES.includes(item.configurationItemStatus)) {
    return { applicable: false, why: `configuration item status is ${item.configurationItemStatus}` };
  }
  const types = trigger.kind === 'periodic' ? [] : trigger.resourceTypes;
  if (!types.includes(item.resourceType)) {
    return { applicable: false, why: `resource type ${item.resourceType} is not in the rule scope` };
  }
  return { applicable: true };
}
