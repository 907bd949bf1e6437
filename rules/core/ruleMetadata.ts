import type { z } from 'zod';

/** Scenario IDs from the project's failure-scenario catalogue (../shared/SCENARIOS.md). */
export const SCENARIO_IDS = [
  'L1',
  'L2',
  'L3',
  'D1',
  'D2',
  'D3',
  'D4',
  'D5',
  'D6',
  'D7',
  'D8',
  'D9',
  'D10',
  'D11',
  'D12',
  'G1',
  'G2',
  'G3',
] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** AWS Config's MaximumExecutionFrequency values. */
export type ExecutionFrequency =
  'One_Hour' | 'Three_Hours' | 'Six_Hours' | 'Twelve_Hours' | 'TwentyFour_Hours';

/**
 * When Config invokes a rule. A discriminated union, so that "neither" cannot be expressed.
 * - `periodic`: ScheduledNotification only (types Config does not record, e.g. AMIs).
 * - `change`: ConfigurationItemChangeNotification + OversizedConfigurationItemChangeNotification
 *   for `resourceTypes`.
 * - `hybrid`: both of the above.
 */
export type RuleTrigger =
  | { readonly kind: 'periodic'; readonly maximumExecutionFrequency: ExecutionFrequency }
  | { readonly kind: 'change'; readonly resourceTypes: readonly string[] }
  | {
      readonly kind: 'hybrid';
      readonly resourceTypes: readonly string[];
      readonly maximumExecutionFrequency: ExecutionFrequency;
    };

export type Severity = 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

/** Config rule InputParameters are strings; `type` says how the rule reads them. */
export type ParameterType = 'String' | 'CSV' | 'Boolean' | 'Int';

/** One rule parameter as Config, the conformance pack and the docs see it. */
export interface RuleParameterSpec {
  readonly name: string;
  readonly type: ParameterType;
  readonly description: string;
  /** The default as Config would pass it (a string); absent means no default. */
  readonly default?: string;
  readonly required: boolean;
}

/** Everything about a rule except its logic: read by infra, the conformance pack, docs, CLI and tests. */
export interface RuleMetadata<P = unknown> {
  /** The folder name under rules/, the Config rule name and the docs page name. */
  readonly id: string;
  readonly title: string;
  /** At most 256 characters (Config's Description limit). */
  readonly description: string;
  readonly severity: Severity;
  readonly scenarios: readonly ScenarioId[];
  readonly trigger: RuleTrigger;
  /** The resource types the rule's evaluations are reported against (e.g. AWS::::Account). */
  readonly evaluationResourceTypes: readonly string[];
  readonly parameters: readonly RuleParameterSpec[];
  /** Validates and types the parsed `ruleParameters` (all values arrive as strings). */
  readonly parameterSchema: z.ZodType<P>;
  /** What to do when the rule is NON_COMPLIANT, in general terms; findings carry the exact fix. */
  readonly remediation: string;
}
