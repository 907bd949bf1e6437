import { InvalidInputError } from '../../rules/core/errors';
import type { RegisteredRule } from '../../rules/index';
import { pascalCase } from '../pascalCase';
import { deployableParameters, EXECUTION_ROLE_PARAMETER } from '../ruleInputParameters';
import { flattenTrigger } from '../ruleTriggers';
import { toYaml, type TemplateObject, type TemplateValue } from './toYaml';

/** Config's limits for conformance packs (PutConformancePack / PutOrganizationConformancePack). */
export const CONFORMANCE_PACK_MAX_PARAMETERS = 60;
export const CONFORMANCE_PACK_MAX_TEMPLATE_BYTES = 51_200;
/** Config's limit on rules per conformance pack (cannot be raised). */
export const CONFORMANCE_PACK_MAX_RULES = 130;

/** The member-account role the organization pack's rules assume, unless the deployer passes another. */
export const DEFAULT_EXECUTION_ROLE_NAME = 'AmiShareGuardExecutionRole';

export interface ConformancePackOptions {
  /**
   * true: an organization pack. The rules get an `ExecutionRoleName` input parameter, so the
   * functions (in the delegated administrator account) assume that role in each member account.
   */
  readonly organization: boolean;
}

/** The pack parameter carrying a rule function's ARN. */
export function functionArnParameterName(ruleId: string): string {
  return `${pascalCase(ruleId)}FunctionArn`;
}

/** The pack parameter carrying one rule parameter. */
export function ruleParameterName(ruleId: string, parameter: string): string {
  return `${pascalCase(ruleId)}${pascalCase(parameter)}`;
}

function ruleResource(
  rule: RegisteredRule,
  organization: boolean,
  conditions: Record<string, TemplateValue>,
) {
  const { metadata } = rule;
  const trigger = flattenTrigger(metadata.trigger);
  const inputs: Record<string, TemplateValue> = {};
  for (const spec of deployableParameters(metadata)) {
    const param = ruleParameterName(metadata.id, spec.name);
    if (spec.default === undefined && !spec.required) {
      // Optional and without default: pass it only when the deployer sets it.
      const condition = `${param}IsSet`;
      conditions[condition] = { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: param }, ''] }] };
      inputs[spec.name] = { 'Fn::If': [condition, { Ref: param }, { Ref: 'AWS::NoValue' }] };
    } else {
      inputs[spec.name] = { Ref: param };
    }
  }
  if (organization) inputs[EXECUTION_ROLE_PARAMETER] = { Ref: EXECUTION_ROLE_PARAMETER };

  const sourceDetails: TemplateValue[] = trigger.messageTypes.map((messageType): TemplateValue =>
    messageType === 'ScheduledNotification' && trigger.maximumExecutionFrequency
      ? {
          EventSource: 'aws.config',
          MessageType: messageType,
          MaximumExecutionFrequency: trigger.maximumExecutionFrequency,
        }
      : { EventSource: 'aws.config', MessageType: messageType },
  );
  const properties: Record<string, TemplateValue> = {
    ConfigRuleName: metadata.id,
    Description: metadata.description,
  };
  if (Object.keys(inputs).length > 0) properties.InputParameters = inputs;
  if (trigger.resourceTypes.length > 0) {
    properties.Scope = { ComplianceResourceTypes: [...trigger.resourceTypes] };
  }
  properties.Source = {
    Owner: 'CUSTOM_LAMBDA',
    SourceIdentifier: { Ref: functionArnParameterName(metadata.id) },
    SourceDetails: sourceDetails,
  };
  return { Type: 'AWS::Config::ConfigRule', Properties: properties };
}

/**
 * The conformance pack for the given rules, as a template object: one function-ARN parameter per
 * rule, one parameter per rule parameter (defaults from the metadata), only
 * `AWS::Config::ConfigRule` resources. Throws when Config's pack limits would be exceeded.
 */
export function conformancePackTemplate(
  rules: readonly RegisteredRule[],
  options: ConformancePackOptions,
): TemplateObject {
  if (rules.length > CONFORMANCE_PACK_MAX_RULES) {
    throw new InvalidInputError(
      'rules',
      `${rules.length} rules; a conformance pack holds at most ${CONFORMANCE_PACK_MAX_RULES}`,
    );
  }
  const parameters: Record<string, TemplateValue> = {};
  const conditions: Record<string, TemplateValue> = {};
  const resources: Record<string, TemplateValue> = {};
  if (options.organization) {
    parameters[EXECUTION_ROLE_PARAMETER] = {
      Type: 'String',
      Default: DEFAULT_EXECUTION_ROLE_NAME,
      Description: 'The role (at path /) the rule functions assume in each member account.',
    };
  }
  for (const rule of rules) {
    const { id } = rule.metadata;
    const specs = deployableParameters(rule.metadata);
    parameters[functionArnParameterName(id)] = {
      Type: 'String',
      Description: `ARN of the Lambda function of rule ${id}.`,
    };
    for (const spec of specs) {
      const param: Record<string, TemplateValue> = {
        Type: 'String',
        Description: `${id} ${spec.name} (${spec.type}): ${spec.description}`.slice(0, 4000),
      };
      if (spec.default !== undefined) param.Default = spec.default;
      else if (!spec.required) param.Default = '';
      parameters[ruleParameterName(id, spec.name)] = param;
    }
    resources[`${pascalCase(id)}Rule`] = ruleResource(rule, options.organization, conditions);
  }
  const count = Object.keys(parameters).length;
  if (count > CONFORMANCE_PACK_MAX_PARAMETERS) {
    throw new InvalidInputError(
      'rules',
      `the pack needs ${count} parameters; Config accepts at most ${CONFORMANCE_PACK_MAX_PARAMETERS}`,
    );
  }
  const template: Record<string, TemplateValue> = {};
  if (count > 0) template.Parameters = parameters;
  if (Object.keys(conditions).length > 0) template.Conditions = conditions;
  template.Resources = resources;
  return template;
}

const HEADER = ['Generated from the rule registry (rules/index.ts) by `npm run pack:generate`. Do not edit.'];

/** The pack as committed YAML; throws when it is over Config's 51,200-byte TemplateBody limit. */
export function conformancePackYaml(
  rules: readonly RegisteredRule[],
  options: ConformancePackOptions,
): string {
  const template = conformancePackTemplate(rules, options);
  const resourceCount = Object.keys(template.Resources as TemplateObject).length;
  // A template needs at least one resource; an empty registry gets a placeholder comment only.
  const body =
    resourceCount === 0
      ? toYaml({ Resources: {} }, [...HEADER, 'The registry holds no rules yet.'])
      : toYaml(template, HEADER);
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes > CONFORMANCE_PACK_MAX_TEMPLATE_BYTES) {
    throw new InvalidInputError(
      'conformance-pack',
      `the template is ${bytes} bytes; Config accepts at most ${CONFORMANCE_PACK_MAX_TEMPLATE_BYTES}`,
    );
  }
  return body;
}

/** Where the generator writes each pack, relative to the repository root. */
export const CONFORMANCE_PACK_FILES = {
  account: 'conformance-pack/ami-share-guard.yaml',
  organization: 'conformance-pack/ami-share-guard-organization.yaml',
} as const;
