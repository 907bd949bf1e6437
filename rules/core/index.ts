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
export { formatIssuePath, invalidInputFromZod } from './zodIssues';
export { parseConfigRuleEvent } from './parseConfigRuleEvent';
export {
  param,
  parseAccountIdList,
  parseBooleanString,
  parseGlob,
  parseGlobList,
  parseRuleParameters,
  parseTag,
} from './ruleParameters';
export type { GlobPattern, TagFilter } from './ruleParameters';
export { MAX_ANNOTATION_LENGTH, TRUNCATION_MARK, renderAnnotation } from './renderAnnotation';
export {
  MAX_RESOURCE_ID_LENGTH,
  MAX_RESOURCE_TYPE_LENGTH,
  findingToEvaluation,
  mergeFindingsByResource,
  resourceKey,
  toEvaluation,
} from './evaluation';
export { changeApplicability } from './applicability';
export type { Applicability } from './applicability';
export { PUT_EVALUATIONS_BATCH_SIZE, putEvaluationsInBatches } from './putEvaluationsInBatches';
export type { PutEvaluationsOptions, PutEvaluationsOutcome } from './putEvaluationsInBatches';
export { cleanupStaleEvaluations } from './cleanupStaleEvaluations';
export type { CleanupOptions } from './cleanupStaleEvaluations';
export { apiItemToEventItem, fetchOversizedItem } from './oversizedItem';
export {
  CONFIG_SERVICE_LINKED_ROLE,
  EXECUTION_ROLE_PARAMETER,
  createAccountAccess,
  resolveExecutionRoleName,
} from './accountAccess';
export type { AccountAccess, AccountAccessOptions } from './accountAccess';
export { createConfigRuleHandler } from './createConfigRuleHandler';
export type { ConfigRuleHandlerOptions, HandlerSummary, LambdaContextLike } from './createConfigRuleHandler';
export {
  SECURITY_HUB_IMPORT_PARAMETER,
  defaultSecurityHubSink,
  securityHubImportRequested,
} from './securityHubImport';
export type {
  FindingsSink,
  FindingsSinkFactory,
  FindingsSinkOutcome,
  RunFindings,
} from './securityHubImport';
