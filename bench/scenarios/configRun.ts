import type { HandlerSummary, LogRecord } from '../../rules/core';
import {
  createCapturingLogger,
  createConfigRuleHandler,
  mergeFindingsByResource,
  parseRuleParameters,
} from '../../rules/core';
import type { Inventory } from '../../rules/inventory/model';
import type { PackRule } from '../../rules/kit';
import type { StoredEvaluation } from '../sim';
import { SimulatedAws as Sim } from '../sim';

/** A Config `ScheduledNotification` event for a rule in an account (single-account mode). */
export function scheduledEventFor(
  ruleName: string,
  accountId: string,
  region: string,
  ruleParameters: Readonly<Record<string, string>>,
  notificationCreationTime: string,
): Record<string, unknown> {
  return {
    invokingEvent: JSON.stringify({
      awsAccountId: accountId,
      notificationCreationTime,
      messageType: 'ScheduledNotification',
      recordVersion: '1.0',
    }),
    ruleParameters: JSON.stringify(ruleParameters),
    resultToken: ruleName,
    eventLeftScope: false,
    executionRoleArn: `arn:aws:iam::${accountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
    configRuleArn: `arn:aws:config:${region}:${accountId}:config-rule/config-rule-bench`,
    configRuleName: ruleName,
    configRuleId: 'config-rule-bench',
    accountId,
    version: '1.0',
  };
}

export interface ConfigRunOptions {
  /** The simulated AWS (in process or in a child process): only its endpoint is used. */
  readonly sim: { readonly endpoint: string };
  readonly rule: PackRule;
  readonly accountId: string;
  readonly region: string;
  readonly ruleParameters?: Readonly<Record<string, string>>;
  readonly notificationCreationTime?: string;
  /** The Lambda's timeout (default 15 minutes, the maximum). */
  readonly lambdaTimeoutMs?: number;
  /** Time kept back for PutEvaluations and cleanup (the runtime's default when unset). */
  readonly reserveMs?: number;
  /** PutEvaluations FailedEvaluations backoff (the runtime's default when unset). */
  readonly baseDelayMs?: number;
  /** SDK attempts per call (the runtime's default, 5, when unset). */
  readonly maxAttempts?: number;
}

export interface ConfigRunOutcome {
  /** The handler's summary, or the error it threw (after putting what it could). */
  readonly summary?: HandlerSummary;
  readonly error?: { readonly name: string; readonly message: string };
  readonly wallMs: number;
  readonly logs: LogRecord[];
}

/** Invokes the rule's real Lambda handler against the simulated AWS, as Config would for one account. */
export async function runConfigRule(o: ConfigRunOptions): Promise<ConfigRunOutcome> {
  const { logger, records } = createCapturingLogger();
  const handler = createConfigRuleHandler(o.rule, {
    awsConfigOverrides: {
      endpoint: o.sim.endpoint,
      credentials: Sim.credentialsFor(o.accountId),
      ...(o.maxAttempts === undefined ? {} : { maxAttempts: o.maxAttempts }),
    },
    logger,
    region: o.region,
    ...(o.reserveMs === undefined ? {} : { reserveMs: o.reserveMs }),
    ...(o.baseDelayMs === undefined ? {} : { baseDelayMs: o.baseDelayMs }),
  });
  const event = scheduledEventFor(
    o.rule.metadata.id,
    o.accountId,
    o.region,
    o.ruleParameters ?? {},
    o.notificationCreationTime ?? '2026-01-01T00:00:00.000Z',
  );
  const timeout = o.lambdaTimeoutMs ?? 900_000;
  const started = performance.now();
  const context = { getRemainingTimeInMillis: () => timeout - (performance.now() - started) };
  try {
    const summary = await handler(event, context);
    return { summary, wallMs: performance.now() - started, logs: records };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return {
      error: { name: e.name, message: e.message },
      wallMs: performance.now() - started,
      logs: records,
    };
  }
}

export interface VerdictCheck {
  /** Resources the ground truth evaluates. */
  readonly expected: number;
  /** Expected resources with no evaluation at all in Config. */
  readonly lost: number;
  /** Expected resources whose evaluation in Config is from an earlier run (an incomplete run keeps them). */
  readonly notRefreshed: number;
  /** Recorded COMPLIANT where the ground truth is NON_COMPLIANT (a faked result). */
  readonly fakeCompliant: number;
  /** Recorded NON_COMPLIANT because a fact was unreadable, where the truth is COMPLIANT (honest, degraded). */
  readonly unreadable: number;
  /** Recorded NON_COMPLIANT where the truth is COMPLIANT for another reason (a false alarm). */
  readonly falseNonCompliant: number;
  readonly matching: number;
}

/**
 * Compares what the run put into Config with the ground truth: the same rule's pure evaluator
 * over the synthetic organization's inventory (every fact known).
 */
export function checkVerdicts(
  rule: PackRule,
  truthInventory: Inventory,
  accountId: string,
  region: string,
  ruleParameters: Readonly<Record<string, string>>,
  recorded: readonly StoredEvaluation[],
  orderingTimestampSeconds: number,
): VerdictCheck {
  const params = parseRuleParameters(rule.metadata, ruleParameters);
  const truth = mergeFindingsByResource(rule.spec.evaluate(truthInventory, params, { accountId, region }));
  const got = new Map(recorded.map((e) => [`${e.resourceType}|${e.resourceId}`, e]));
  let lost = 0;
  let notRefreshed = 0;
  let fakeCompliant = 0;
  let unreadable = 0;
  let falseNonCompliant = 0;
  let matching = 0;
  for (const f of truth) {
    const e = got.get(`${f.resourceType}|${f.resourceId}`);
    if (!e) {
      lost++;
      continue;
    }
    if (Math.abs(e.orderingTimestamp - orderingTimestampSeconds) > 1) {
      notRefreshed++;
      continue;
    }
    if (e.complianceType === f.compliance) matching++;
    else if (e.complianceType === 'COMPLIANT') fakeCompliant++;
    else if (e.complianceType === 'NON_COMPLIANT' && /unreadable|FACT_UNREADABLE/i.test(e.annotation ?? ''))
      unreadable++;
    else falseNonCompliant++;
  }
  return {
    expected: truth.length,
    lost,
    notRefreshed,
    fakeCompliant,
    unreadable,
    falseNonCompliant,
    matching,
  };
}
