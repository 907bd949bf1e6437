export { AccountRules, type AccountRulesProps } from './AccountRules';
export { AmiShareGuardAccountStack, type AmiShareGuardAccountStackProps } from './AmiShareGuardAccountStack';
export {
  AmiShareGuardOrganizationStack,
  type AmiShareGuardOrganizationStackProps,
  type OrganizationDeployment,
} from './AmiShareGuardOrganizationStack';
export { APP_CONTEXT_KEYS, appSettingsSchema, parseAppSettings, type AppSettings } from './appSettings';
export { appSettingsFrom, buildApp } from './buildApp';
export {
  CONFORMANCE_PACK_FILES,
  CONFORMANCE_PACK_MAX_PARAMETERS,
  CONFORMANCE_PACK_MAX_RULES,
  CONFORMANCE_PACK_MAX_TEMPLATE_BYTES,
  DEFAULT_EXECUTION_ROLE_NAME,
  conformancePackTemplate,
  conformancePackYaml,
  functionArnParameterName,
  ruleParameterName,
  type ConformancePackOptions,
} from './conformancePack/conformancePackTemplate';
export { toYaml, type TemplateObject, type TemplateValue } from './conformancePack/toYaml';
export {
  RULE_FUNCTION_ARCHITECTURE,
  RULE_FUNCTION_NODE_TARGET,
  RULE_FUNCTION_RUNTIME,
} from './lambdaRuntime';
export { MEMBER_ROLE_PARAMETERS, memberRoleTemplate } from './memberRoleTemplate';
export { MemberRoleStackSet, type MemberRoleStackSetProps } from './MemberRoleStackSet';
export { OrganizationAggregator, type OrganizationAggregatorProps } from './OrganizationAggregator';
export { OrganizationPack, type OrganizationPackProps } from './OrganizationPack';
export { OrganizationRules, type OrganizationRulesProps } from './OrganizationRules';
export { pascalCase } from './pascalCase';
export { RULE_BUNDLE, ruleEsbuildOptions, ruleFunctionBundling } from './ruleBundling';
export { suppressRuleFunctionFindings } from './ruleFunctionNagSuppressions';
export { RuleFunctions, type RuleFunctionsProps } from './RuleFunctions';
export { REPO_ROOT, ruleHandlerEntry, ruleHandlerExists } from './ruleHandlerEntry';
export {
  ACCOUNT_RULE_INPUT_PARAMETERS_MAX,
  EXECUTION_ROLE_PARAMETER,
  ORGANIZATION_RULE_INPUT_PARAMETERS_MAX,
  deployableParameters,
  encodeInputParameters,
  ruleInputParameters,
  type RuleParameterOverrides,
} from './ruleInputParameters';
export {
  CONFIG_EVALUATION_ACTIONS,
  CONFIG_RULE_READ_ACTIONS,
  SECURITY_HUB_IMPORT_ACTIONS,
  SECURITY_HUB_READ_ACTIONS,
  configEvaluationStatements,
  inventoryReadStatement,
} from './rulePermissions';
export {
  CHANGE_MESSAGE_TYPES,
  PERIODIC_MESSAGE_TYPE,
  flattenTrigger,
  type FlatTrigger,
} from './ruleTriggers';
