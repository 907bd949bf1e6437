import { CfnOrganizationConfigRule } from 'aws-cdk-lib/aws-config';
import { Construct, type IDependable } from 'constructs';
import type { RegisteredRule } from '../rules/index';
import { pascalCase } from './pascalCase';
import type { RuleFunctions } from './RuleFunctions';
import {
  encodeInputParameters,
  EXECUTION_ROLE_PARAMETER,
  ORGANIZATION_RULE_INPUT_PARAMETERS_MAX,
  ruleInputParameters,
  type RuleParameterOverrides,
} from './ruleInputParameters';
import { flattenTrigger } from './ruleTriggers';

export interface OrganizationRulesProps {
  readonly rules: readonly RegisteredRule[];
  readonly functions: RuleFunctions;
  /** The member-account role the functions assume; passed to every rule as `ExecutionRoleName`. */
  readonly executionRoleName: string;
  /**
   * Values for rule parameters, over the metadata defaults.
   * @default - the metadata defaults
   */
  readonly ruleParameters?: RuleParameterOverrides;
  /**
   * Accounts the rules are not deployed to (e.g. the management account, which service-managed
   * StackSets never give the member role).
   * @default - none
   */
  readonly excludedAccounts?: readonly string[];
  /** Must exist before the rules are created: the functions' invoke permissions. */
  readonly dependsOn: readonly IDependable[];
}

/** One `AWS::Config::OrganizationConfigRule` (custom Lambda) per rule, for every account. */
export class OrganizationRules extends Construct {
  readonly rules: readonly CfnOrganizationConfigRule[];

  constructor(scope: Construct, id: string, props: OrganizationRulesProps) {
    super(scope, id);
    this.rules = props.rules.map((rule) => {
      const { metadata } = rule;
      const trigger = flattenTrigger(metadata.trigger);
      const inputs = {
        ...ruleInputParameters(metadata, props.ruleParameters),
        [EXECUTION_ROLE_PARAMETER]: props.executionRoleName,
      };
      const orgRule = new CfnOrganizationConfigRule(this, pascalCase(metadata.id), {
        organizationConfigRuleName: metadata.id,
        ...(props.excludedAccounts && props.excludedAccounts.length > 0
          ? { excludedAccounts: [...props.excludedAccounts] }
          : {}),
        organizationCustomRuleMetadata: {
          lambdaFunctionArn: props.functions.functionFor(metadata.id).functionArn,
          organizationConfigRuleTriggerTypes: [...trigger.messageTypes],
          description: metadata.description,
          inputParameters: encodeInputParameters(metadata.id, inputs, ORGANIZATION_RULE_INPUT_PARAMETERS_MAX),
          ...(trigger.maximumExecutionFrequency
            ? { maximumExecutionFrequency: trigger.maximumExecutionFrequency }
            : {}),
          ...(trigger.resourceTypes.length > 0 ? { resourceTypesScope: [...trigger.resourceTypes] } : {}),
        },
      });
      for (const dependency of props.dependsOn) orgRule.node.addDependency(dependency);
      return orgRule;
    });
  }
}
