import { ConfigServiceClient, type Evaluation } from '@aws-sdk/client-config-service';
import { createAccountAccess, resolveExecutionRoleName, type AccountAccessOptions } from './accountAccess';
import { changeApplicability } from './applicability';
import { cleanupStaleEvaluations } from './cleanupStaleEvaluations';
import type { ConfigRuleEvent, ConfigurationItem, MessageType } from './configEvent';
import { InvalidInputError, PutEvaluationsFailedError } from './errors';
import { findingToEvaluation, mergeFindingsByResource, toEvaluation } from './evaluation';
import type { Finding } from './finding';
import { createJsonLogger, type Logger } from './logger';
import { fetchOversizedItem } from './oversizedItem';
import { parseConfigRuleEvent } from './parseConfigRuleEvent';
import { putEvaluationsInBatches } from './putEvaluationsInBatches';
import type { RuleContext, RuleDefinition, RuleRunResult } from './ruleDefinition';
import { parseRuleParameters } from './ruleParameters';
import {
  defaultSecurityHubSink,
  securityHubImportRequested,
  type FindingsSinkFactory,
  type FindingsSinkOutcome,
} from './securityHubImport';
import { createTimeBudget, DEFAULT_RESERVE_MS, type TimeBudget } from './timeBudget';

/** The part of the Lambda context the runtime reads. */
export interface LambdaContextLike {
  getRemainingTimeInMillis(): number;
  readonly awsRequestId?: string;
}

export interface ConfigRuleHandlerOptions {
  /** The Config client for an account (default: a ConfigServiceClient with that account's config). */
  readonly configClientFor?: (accountId: string, region: string) => ConfigServiceClient;
  /** STS client configuration for assuming `ExecutionRoleName` (endpoint, base credentials). */
  readonly stsClientConfig?: AccountAccessOptions['stsClientConfig'];
  readonly awsConfigOverrides?: AccountAccessOptions['awsConfigOverrides'];
  readonly credentialsForAccount?: AccountAccessOptions['credentialsForAccount'];
  readonly logger?: Logger;
  readonly now?: () => Date;
  /** Region when the event's configRuleArn has none (default: AWS_REGION). */
  readonly region?: string;
  /** Time kept back for PutEvaluations and cleanup (default 10 s). */
  readonly reserveMs?: number;
  /** Send PutEvaluations with TestMode (also on when the result token is `TESTMODE`). */
  readonly testMode?: boolean;
  /** FailedEvaluations retries and backoff (see putEvaluationsInBatches). */
  readonly maxRetries?: number;
  readonly baseDelayMs?: number;
  /**
   * The sink runs whose `SecurityHubImport` parameter is "true" send their findings to, after
   * PutEvaluations (default: `outputs/securityhub`, loaded on first use).
   */
  readonly securityHubSink?: FindingsSinkFactory;
}

export interface HandlerSummary {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly accountId: string;
  readonly region: string;
  readonly messageType: MessageType;
  readonly organizationMode: boolean;
  /** Evaluations Config accepted (cleanup included). */
  readonly evaluationsPut: number;
  readonly putCalls: number;
  readonly cleaned: number;
  readonly complete: boolean;
  readonly cleanupSkipped: boolean;
  readonly notApplicable?: string;
  readonly incomplete: readonly string[];
  /** Findings imported to / closed in Security Hub (only when `SecurityHubImport` is "true"). */
  readonly securityHub?: FindingsSinkOutcome;
  readonly durationMs: number;
}

function regionOf(event: ConfigRuleEvent, fallback: string | undefined): string {
  const fromArn = event.configRuleArn?.split(':')[3];
  const region = fromArn || fallback || process.env['AWS_REGION'];
  if (!region) {
    throw new InvalidInputError(
      'configRuleArn',
      'expected an ARN with a Region (no AWS_REGION to fall back on)',
    );
  }
  return region;
}

const BUDGET_EXPIRED = Symbol('budget-expired');

/** Runs `evaluate`, but gives up (returning BUDGET_EXPIRED) when the budget runs out first. */
async function withinBudget(
  run: Promise<RuleRunResult>,
  budget: TimeBudget,
): Promise<RuleRunResult | typeof BUDGET_EXPIRED> {
  const ms = budget.remainingMs();
  if (!Number.isFinite(ms)) return run;
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<typeof BUDGET_EXPIRED>((resolve) => {
    timer = setTimeout(() => resolve(BUDGET_EXPIRED), ms);
  });
  // Promise.race subscribes to `run`, so a rule abandoned at expiry that rejects later is not an
  // unhandled rejection.
  try {
    return await Promise.race([run, expiry]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The Lambda handler for a rule: parses and validates the event and the rule parameters, sorts
 * out applicability, inflates oversized items, runs the rule within the time budget, puts the
 * evaluations in batches of 100 (retrying FailedEvaluations), cleans stale periodic results and
 * logs one JSON summary line.
 */
export function createConfigRuleHandler<P>(
  rule: RuleDefinition<P>,
  options: ConfigRuleHandlerOptions = {},
): (event: unknown, context: LambdaContextLike) => Promise<HandlerSummary> {
  const now = options.now ?? (() => new Date());
  const rootLogger = (options.logger ?? createJsonLogger()).child({ ruleId: rule.metadata.id });

  return async (rawEvent, context) => {
    const started = now().getTime();
    let logger = rootLogger;
    try {
      const event = parseConfigRuleEvent(rawEvent);
      const region = regionOf(event, options.region);
      const messageType = event.invokingEvent.messageType;
      logger = rootLogger.child({
        account: event.accountId,
        region,
        messageType,
        ruleName: event.configRuleName,
        ...(context.awsRequestId ? { requestId: context.awsRequestId } : {}),
      });
      const params = parseRuleParameters(rule.metadata, event.ruleParameters);
      const importToSecurityHub = securityHubImportRequested(event.ruleParameters);
      const roleName = resolveExecutionRoleName(
        event.ruleParameters,
        event.accountId,
        event.executionRoleArn,
      );
      const access = createAccountAccess({
        evaluatedAccountId: event.accountId,
        ...(roleName ? { roleName } : {}),
        sessionName: `ami-share-guard-${rule.metadata.id}`.slice(0, 64),
        // The rule's regional STS endpoint by default: its session tokens are valid in opt-in Regions.
        stsClientConfig: { region, retryMode: 'adaptive', ...options.stsClientConfig },
        ...(options.awsConfigOverrides ? { awsConfigOverrides: options.awsConfigOverrides } : {}),
        ...(options.credentialsForAccount ? { credentialsForAccount: options.credentialsForAccount } : {}),
      });
      const configClient =
        options.configClientFor?.(event.accountId, region) ??
        new ConfigServiceClient(access.awsConfigFor(event.accountId, region));
      const budget = createTimeBudget({
        remainingTimeInMillis: () => context.getRemainingTimeInMillis(),
        reserveMs: options.reserveMs ?? DEFAULT_RESERVE_MS,
      });
      const ctx: RuleContext = {
        awsConfigFor: (accountId, r) => access.awsConfigFor(accountId, r),
        budget,
        logger,
        organizationMode: access.organizationMode,
      };
      const base = { accountId: event.accountId, region, ruleName: event.configRuleName, params };

      let evaluations: Evaluation[] = [];
      let complete = true;
      let cleanupSkipped = true;
      let cleaned = 0;
      let notApplicable: string | undefined;
      let incomplete: readonly string[] = [];
      /** What a findings sink gets: the run's verdicts and how much of the scope they cover. */
      let sinkRun: { findings: readonly Finding[]; scope: 'all' | 'resource' } | undefined;
      const inv = event.invokingEvent;

      if (
        inv.messageType === 'ConfigurationItemChangeNotification' ||
        inv.messageType === 'OversizedConfigurationItemChangeNotification'
      ) {
        const item =
          inv.messageType === 'ConfigurationItemChangeNotification'
            ? inv.configurationItem
            : inv.configurationItemSummary;
        const captureTime = new Date(item.configurationItemCaptureTime);
        const applicability = changeApplicability(item, event.eventLeftScope, rule.metadata.trigger);
        if (!applicability.applicable) {
          const gone: Finding = {
            ruleId: rule.metadata.id,
            resourceType: item.resourceType,
            resourceId: item.resourceId,
            accountId: event.accountId,
            region,
            compliance: 'NOT_APPLICABLE',
            scenarios: [],
            reasons: [],
          };
          sinkRun = { findings: [gone], scope: 'resource' };
          notApplicable = applicability.why;
          evaluations = [toEvaluation(item.resourceType, item.resourceId, 'NOT_APPLICABLE', [], captureTime)];
        } else {
          const ci: ConfigurationItem =
            inv.messageType === 'ConfigurationItemChangeNotification'
              ? inv.configurationItem
              : await fetchOversizedItem(configClient, inv.configurationItemSummary);
          const result = await rule.evaluate({ kind: 'change', ...base, configurationItem: ci }, ctx);
          complete = result.complete;
          incomplete = result.incomplete ?? [];
          const merged = mergeFindingsByResource(result.findings);
          sinkRun = { findings: merged, scope: 'resource' };
          evaluations = merged.map((f) => findingToEvaluation(f, captureTime));
        }
      } else if (rule.metadata.trigger.kind === 'change') {
        notApplicable = `the rule is change-triggered; ${inv.messageType} ignored`;
      } else {
        const orderingTimestamp = new Date(inv.notificationCreationTime);
        const outcome = await withinBudget(
          rule.evaluate(
            { kind: 'periodic', ...base, notificationCreationTime: inv.notificationCreationTime },
            ctx,
          ),
          budget,
        );
        const result: RuleRunResult =
          outcome === BUDGET_EXPIRED
            ? {
                findings: [],
                complete: false,
                incomplete: ['the rule did not return before the time budget ran out'],
              }
            : outcome;
        complete = result.complete && !budget.expired();
        incomplete = result.incomplete?.length
          ? result.incomplete
          : complete
            ? []
            : ['the time budget ran out'];
        const findings = mergeFindingsByResource(result.findings);
        sinkRun = { findings, scope: 'all' };
        evaluations = findings.map((f) => findingToEvaluation(f, orderingTimestamp));
        if (complete) {
          const stale = await cleanupStaleEvaluations({
            client: configClient,
            ruleName: event.configRuleName,
            seen: findings,
            orderingTimestamp,
          });
          cleanupSkipped = false;
          cleaned = stale.length;
          evaluations.push(...stale);
        } else {
          logger.warn('incomplete run: cleanup of stale results skipped', { incomplete });
        }
      }

      const put = await putEvaluationsInBatches({
        client: configClient,
        evaluations,
        resultToken: event.resultToken,
        testMode: options.testMode === true || event.resultToken === 'TESTMODE',
        logger,
        ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
        ...(options.baseDelayMs === undefined ? {} : { baseDelayMs: options.baseDelayMs }),
      });
      let securityHub: FindingsSinkOutcome | undefined;
      if (importToSecurityHub && sinkRun) {
        const sink = await (options.securityHubSink ?? defaultSecurityHubSink)({
          awsConfigFor: (accountId, r) => access.awsConfigFor(accountId, r),
          logger,
        });
        const outcome = await sink({
          metadata: rule.metadata,
          accountId: event.accountId,
          region,
          findings: sinkRun.findings,
          scope: sinkRun.scope,
          complete,
        });
        securityHub = { imported: outcome.imported, resolved: outcome.resolved };
      }
      const summary: HandlerSummary = {
        ruleId: rule.metadata.id,
        ruleName: event.configRuleName,
        accountId: event.accountId,
        region,
        messageType,
        organizationMode: access.organizationMode,
        evaluationsPut: put.put,
        putCalls: put.calls,
        cleaned,
        complete,
        cleanupSkipped,
        ...(notApplicable ? { notApplicable } : {}),
        incomplete,
        ...(securityHub ? { securityHub } : {}),
        durationMs: now().getTime() - started,
      };
      logger.info('rule run finished', { ...summary, failed: 0 });
      return summary;
    } catch (error) {
      logger.error('rule run failed', {
        error,
        ...(error instanceof PutEvaluationsFailedError ? { failed: error.failed.length } : {}),
        durationMs: now().getTime() - started,
      });
      throw error;
    }
  };
}
