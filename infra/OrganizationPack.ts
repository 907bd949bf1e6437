import { CfnOrganizationConformancePack } from 'aws-cdk-lib/aws-config';
import { Construct, type IDependable } from 'constructs';
import { InvalidInputError } from '../rules/core/errors';
import type { RegisteredRule } from '../rules/index';
import {
  conformancePackTemplate,
  conformancePackYaml,
  functionArnParameterName,
  ruleParameterName,
} from './conformancePack/conformancePackTemplate';
import type { RuleFunctions } from './RuleFunctions';
import {
  EXECUTION_ROLE_PARAMETER,
  ruleInputParameters,
  type RuleParameterOverrides,
} from './ruleInputParameters';

export interface OrganizationPackProps {
  readonly rules: readonly RegisteredRule[];
  readonly functions: RuleFunctions;
  readonly executionRoleName: string;
  /**
   * Values for rule parameters, over the metadata defaults.
   * @default - the metadata defaults
   */
  readonly ruleParameters?: RuleParameterOverrides;
  /**
   * The organization conformance pack's name (`[a-zA-Z][-a-zA-Z0-9]*`, ≤128).
   * @default 'ami-share-guard'
   */
  readonly packName?: string;
  /** @default - none */
  readonly excludedAccounts?: readonly string[];
  readonly dependsOn: readonly IDependable[];
}

/**
 * The rules as one organization conformance pack: the same template as
 * `conformance-pack/ami-share-guard-organization.yaml`, with the function ARNs, the rule
 * parameters and `ExecutionRoleName` passed as pack input parameters.
 */
export class OrganizationPack extends Construct {
  readonly pack: CfnOrganizationConformancePack;

  constructor(scope: Construct, id: string, props: OrganizationPackProps) {
    super(scope, id);
    const packName = props.packName ?? 'ami-share-guard';
    if (!/^[a-zA-Z][-a-zA-Z0-9]{0,127}$/.test(packName)) {
      throw new InvalidInputError('context.conformancePackName', `"${packName}" is not a valid pack name`);
    }
    const template = conformancePackTemplate(props.rules, { organization: true });
    const declared = new Set(Object.keys((template.Parameters as Record<string, unknown> | undefined) ?? {}));
    const inputs: CfnOrganizationConformancePack.ConformancePackInputParameterProperty[] = [
      { parameterName: EXECUTION_ROLE_PARAMETER, parameterValue: props.executionRoleName },
    ];
    for (const rule of props.rules) {
      const { id: ruleId } = rule.metadata;
      inputs.push({
        parameterName: functionArnParameterName(ruleId),
        parameterValue: props.functions.functionFor(ruleId).functionArn,
      });
      for (const [name, value] of Object.entries(ruleInputParameters(rule.metadata, props.ruleParameters))) {
        const parameterName = ruleParameterName(ruleId, name);
        if (declared.has(parameterName)) inputs.push({ parameterName, parameterValue: value });
      }
    }
    this.pack = new CfnOrganizationConformancePack(this, 'Resource', {
      organizationConformancePackName: packName,
      templateBody: conformancePackYaml(props.rules, { organization: true }),
      conformancePackInputParameters: inputs,
      ...(props.excludedAccounts && props.excludedAccounts.length > 0
        ? { excludedAccounts: [...props.excludedAccounts] }
        : {}),
    });
    for (const dependency of props.dependsOn) this.pack.node.addDependency(dependency);
  }
}
