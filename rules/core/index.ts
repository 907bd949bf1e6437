export { SCENARIO_IDS } from './ruleMetadata';
export type {
  ExecutionFrequency,
  ParameterType,
  RuleMetadata,
  RuleParameterSpec,
  RuleTrigger,
  ScenarioId,
  Severity,
} from './ruleMetadata';
export type { ComplianceType, Finding, Fix, JsonObject, JsonValue, Reason } from './finding';
export {
  AccountUnreachableError,
  AmiShareGuardError,
  AssumeRoleDeniedError,
  ConfigurationItemUnavailableError,
  InvalidInputError,
  PutEvaluationsFailedError,
} from './errors';
export type { FailedEvaluationRef } from './errors';
export { roleArnFor, roleCredentialsByAccount } from './roleCredentials';
export type { RoleCredentialsOptions } from './roleCredentials';
export {
  CONFIGURATION_ITEM_STATUSES,
  MESSAGE_TYPES,
  configurationItemSchema,
  configurationItemSummarySchema,
  invokingEventSchema,
  rawConfigRuleEventSchema,
} from './configEvent';
export type {
  ConfigRuleEvent,
  ConfigurationItem,
  ConfigurationItemStatus,
  ConfigurationItemSummary,
  InvokingEvent,
  MessageType,
  RawConfigRuleEvent,
} from './configEvent';
export type {
  AwsClientConfig,
  RuleContext,
  RuleDefinition,
  RuleInvocation,
  RuleRunResult,
} from './ruleDefinition';
export { createCapturingLogger, createJsonLogger, createLogger } from './logger';
export type { LogFields, LogLevel, LogRecord, Logger } from './logger';
export { DEFAULT_RESERVE_MS, createTimeBudget, unlimitedBudget } from './timeBudget';
export type { TimeBudget, TimeBudgetOptions } from './timeBudget';
