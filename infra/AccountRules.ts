import { CustomRule, MaximumExecutionFrequency, ResourceType, RuleScope } from 'aws-cdk-lib/aws-config';
import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { ExecutionFrequency } from '../rules/core/ruleMetadata';
import type { RegisteredRule } from '../rules/index';
import { pascalCase } from './pascalCase';
import type { RuleFunctions } from './RuleFunctions';
import {
  ACCOUNT_RULE_INPUT_PARAMETERS_MAX,
  encodeInputParameters,
  ruleInputParameters,
  type RuleParameterOverrides,
} from './ruleInputParameters';
import { flattenTrigger } from './ruleTriggers';

const FREQUENCY: Record<ExecutionFrequency, MaximumExecutionFrequency> = {
  One_Hour: MaximumExecutionFrequency.ONE_HOUR,
  Three_Hours: MaximumExecutionFrequency.THREE_HOURS,
  Six_Hours: MaximumExecutionFrequency.SIX_HOURS,
  Twelve_Hours: MaximumExecutionFrequency.TWELVE_HOURS,
  TwentyFour_Hours: MaximumExecutionFrequency.TWENTY_FOUR_HOURS,
};

export interface AccountRulesProps {
  readonly rules: readonly RegisteredRule[];
  readonly functions: RuleFunctions;
  /**
   * Values for rule parameters, over the metadata defaults.
   * @default - the metadata defaults
   */
  readonly ruleParameters?: RuleParameterOverrides;
}

/**
 * One `config.CustomRule` per rule, in this account: triggers, scope and input parameters from
 * the metadata. The construct adds the invoke permission for `config.amazonaws.com` with
 * `SourceAccount` = this account.
 */
export class AccountRules extends Construct {
  readonly rules: readonly CustomRule[];

  constructor(scope: Construct, id: string, props: AccountRulesProps) {
    super(scope, id);
    this.rules = props.rules.map((rule) => {
      const { metadata } = rule;
      const trigger = flattenTrigger(metadata.trigger);
      const inputs = ruleInputParameters(metadata, props.ruleParameters);
      encodeInputParameters(metadata.id, inputs, ACCOUNT_RULE_INPUT_PARAMETERS_MAX);
      const fn = props.functions.functionFor(metadata.id);
      // CustomRule attaches the AWS managed policy AWSConfigRulesExecutionRole (config:Put*,
      // s3:GetObject on Config's bucket) to a function's role when it can see one. The rules need
      // far less, granted explicitly on the shared role, so the rule gets a role-less reference to
      // the same function; it still adds the SourceAccount-restricted invoke permission.
      const functionRef = LambdaFunction.fromFunctionAttributes(this, `${pascalCase(metadata.id)}Function`, {
        functionArn: fn.functionArn,
        sameEnvironment: true,
      });
      const customRule = new CustomRule(this, pascalCase(metadata.id), {
        configRuleName: metadata.id,
        description: metadata.description,
        lambdaFunction: functionRef,
        configurationChanges: trigger.configurationChanges,
        periodic: trigger.periodic,
        ...(trigger.maximumExecutionFrequency
          ? { maximumExecutionFrequency: FREQUENCY[trigger.maximumExecutionFrequency] }
          : {}),
        ...(trigger.resourceTypes.length > 0
          ? { ruleScope: RuleScope.fromResources(trigger.resourceTypes.map((t) => ResourceType.of(t))) }
          : {}),
        ...(Object.keys(inputs).length > 0 ? { inputParameters: inputs } : {}),
      });
      return customRule;
    });
  }
}
