import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { ConfigurationItem } from './configEvent';
import type { Finding } from './finding';
import type { Logger } from './logger';
import type { RuleMetadata } from './ruleMetadata';
import type { TimeBudget } from './timeBudget';

/** What a rule implements: its metadata and an evaluate function (I/O only through `ctx`). */
export interface RuleDefinition<P> {
  readonly metadata: RuleMetadata<P>;
  /** May do I/O through ctx (the inventory layer); returns findings at the granularity to report. */
  evaluate(invocation: RuleInvocation<P>, ctx: RuleContext): Promise<RuleRunResult>;
}

interface InvocationBase<P> {
  /** The rule's parameters, validated by `metadata.parameterSchema`. */
  readonly params: P;
  /** The evaluated account (the event's `accountId`). */
  readonly accountId: string;
  readonly region: string;
  /** The Config rule name in the evaluated account (the event's `configRuleName`). */
  readonly ruleName: string;
}

export type RuleInvocation<P> =
  | (InvocationBase<P> & {
      readonly kind: 'change';
      /** The event-shape item (inflated first when the notification was oversized). */
      readonly configurationItem: ConfigurationItem;
    })
  | (InvocationBase<P> & {
      readonly kind: 'periodic';
      readonly notificationCreationTime: string;
    });

/** SDK v3 client configuration: pass it to any client constructor. */
export interface AwsClientConfig {
  readonly region: string;
  /** Absent: the function's own credentials (the default chain). */
  readonly credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  readonly endpoint?: string;
  readonly retryMode: 'adaptive';
  readonly maxAttempts: number;
  readonly forcePathStyle?: boolean;
}

export interface RuleContext {
  /**
   * SDK client config for the evaluated account, or another account: in organization mode it
   * assumes `ExecutionRoleName` there. In single-account mode another account is unreachable:
   * it throws an {@link AccountUnreachableError}.
   */
  awsConfigFor(accountId: string, region: string): AwsClientConfig;
  /** `remainingMs()`, `expired()`: true when the rule must stop. */
  readonly budget: TimeBudget;
  readonly logger: Logger;
  readonly organizationMode: boolean;
}

export interface RuleRunResult {
  /** Each becomes one Evaluation (resourceType/resourceId). */
  readonly findings: readonly Finding[];
  /** false when the rule did not see everything (budget ran out, facts unreadable): no cleanup. */
  readonly complete: boolean;
  /** What was left, for the log. */
  readonly incomplete?: readonly string[];
}
