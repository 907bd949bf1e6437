import { Stack, type StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { allRules, type RegisteredRule } from '../rules/index';
import { AccountRules } from './AccountRules';
import { suppressRuleFunctionFindings } from './ruleFunctionNagSuppressions';
import { RuleFunctions, type RuleFunctionsProps } from './RuleFunctions';
import type { RuleParameterOverrides } from './ruleInputParameters';
import { securityHubImportStatements, withSecurityHubImport } from './outputs/securityHubImportStatements';
import { configEvaluationStatements, inventoryReadStatement } from './rulePermissions';

export interface AmiShareGuardAccountStackProps extends StackProps {
  /**
   * The rules to deploy.
   * @default allRules (the registry)
   */
  readonly rules?: readonly RegisteredRule[];
  /**
   * The Lambda entry file of a rule.
   * @default `rules/<id>/handler.ts`
   */
  readonly handlerEntry?: (ruleId: string) => string;
  /**
   * Values for rule parameters, over the metadata defaults: `{ "<rule-id>": { "<name>": "value" } }`.
   * @default - the metadata defaults
   */
  readonly ruleParameters?: RuleParameterOverrides;
  /**
   * Memory, timeout and log retention of the rule functions.
   * @default - see {@link RuleFunctionsProps}
   */
  readonly functionOptions?: Pick<RuleFunctionsProps, 'memorySize' | 'timeout' | 'logRetention'>;
  /**
   * Send every run's findings to Security Hub (rule parameter `SecurityHubImport=true`; the
   * functions' role gets BatchImportFindings on this account's default product and GetFindings on
   * its hub, in this Region). See outputs/README.md.
   * @default false
   */
  readonly securityHubImport?: boolean;
}

/**
 * Single-account mode: the rule functions and one Config custom rule per rule, in this account
 * and region. The functions read with their own role (no cross-account access).
 *
 * Structure: `RuleFunctions` (functions + shared role), `Rules` (the Config rules), `Outputs`
 * (the slot for the Security Hub import and the scheduled report functions, issue "outputs").
 */
export class AmiShareGuardAccountStack extends Stack {
  readonly ruleFunctions: RuleFunctions;
  readonly configRules: AccountRules;
  /** Where the output functions (Security Hub import, scheduled report) are added. */
  readonly outputs: Construct;

  constructor(scope: Construct, id: string, props: AmiShareGuardAccountStackProps = {}) {
    super(scope, id, props);
    const rules = props.rules ?? allRules;
    this.ruleFunctions = new RuleFunctions(this, 'RuleFunctions', {
      rules,
      ...(props.handlerEntry ? { handlerEntry: props.handlerEntry } : {}),
      ...props.functionOptions,
      statements: [
        inventoryReadStatement(),
        ...configEvaluationStatements(),
        ...(props.securityHubImport ? securityHubImportStatements() : []),
      ],
    });
    suppressRuleFunctionFindings(this.ruleFunctions);
    const ruleParameters = props.securityHubImport
      ? withSecurityHubImport(rules, props.ruleParameters)
      : props.ruleParameters;
    this.configRules = new AccountRules(this, 'Rules', {
      rules,
      functions: this.ruleFunctions,
      ...(ruleParameters ? { ruleParameters } : {}),
    });
    this.outputs = new Construct(this, 'Outputs');
  }
}
