import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal, type PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { InvalidInputError } from '../rules/core/errors';
import type { RegisteredRule } from '../rules/index';
import { RULE_FUNCTION_ARCHITECTURE, RULE_FUNCTION_RUNTIME } from './lambdaRuntime';
import { pascalCase } from './pascalCase';
import { ruleFunctionCode } from './ruleBundling';
import { ruleHandlerEntry } from './ruleHandlerEntry';

export interface RuleFunctionsProps {
  /** The rules to deploy a function for. */
  readonly rules: readonly RegisteredRule[];
  /**
   * The Lambda entry file of a rule.
   * @default `rules/<id>/handler.ts` (exporting `handler`)
   */
  readonly handlerEntry?: (ruleId: string) => string;
  /** Statements the shared function role gets besides writing its own logs. */
  readonly statements: readonly PolicyStatement[];
  /**
   * Memory per function, in MB.
   * @default 512
   */
  readonly memorySize?: number;
  /**
   * Function timeout; the rule runtime stops work before it (its time budget).
   * @default Duration.minutes(5)
   */
  readonly timeout?: Duration;
  /**
   * How long each function's log group keeps its events.
   * @default RetentionDays.ONE_YEAR
   */
  readonly logRetention?: RetentionDays;
}

/**
 * One Lambda function per rule, bundled locally with esbuild (no Docker; see `ruleFunctionCode`), all sharing one role:
 * the role member accounts trust in organization mode.
 */
export class RuleFunctions extends Construct {
  /** The functions' shared execution role. */
  readonly role: Role;
  private readonly byRule = new Map<string, LambdaFunction>();

  constructor(scope: Construct, id: string, props: RuleFunctionsProps) {
    super(scope, id);
    const entryOf = props.handlerEntry ?? ((ruleId: string) => ruleHandlerEntry(ruleId));
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'ami-share-guard rule functions: evaluate and report (see docs/deployment.md).',
    });
    for (const statement of props.statements) this.role.addToPolicy(statement);

    for (const rule of props.rules) {
      const ruleId = rule.metadata.id;
      const logGroup = new LogGroup(this, `${pascalCase(ruleId)}Logs`, {
        retention: props.logRetention ?? RetentionDays.ONE_YEAR,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      const fn = new LambdaFunction(this, pascalCase(ruleId), {
        code: ruleFunctionCode(entryOf(ruleId)),
        handler: 'index.handler',
        runtime: RULE_FUNCTION_RUNTIME,
        architecture: RULE_FUNCTION_ARCHITECTURE,
        memorySize: props.memorySize ?? 512,
        timeout: props.timeout ?? Duration.minutes(5),
        description: `ami-share-guard rule ${ruleId}`.slice(0, 256),
        role: this.role,
        logGroup,
        environment: { AMI_SHARE_GUARD_RULE_ID: ruleId },
      });
      logGroup.grantWrite(this.role);
      this.byRule.set(ruleId, fn);
    }
  }

  /** The function of a rule; throws for a rule this construct was not given. */
  functionFor(ruleId: string): LambdaFunction {
    const fn = this.byRule.get(ruleId);
    if (!fn) throw new InvalidInputError('ruleId', `no function was built for rule ${ruleId}`);
    return fn;
  }

  /** All functions, in registry order. */
  get functions(): readonly LambdaFunction[] {
    return [...this.byRule.values()];
  }
}
