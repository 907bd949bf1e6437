import { SecurityHubClient, type AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import type { Finding } from '../../rules/core/finding';
import type { Logger } from '../../rules/core/logger';
import type { AwsClientConfig } from '../../rules/core/ruleDefinition';
import type { RuleMetadata } from '../../rules/core/ruleMetadata';
import { flattenFindings } from '../../rules/output/flattenFindings';
import { asffFindingId, renderAsff } from '../../rules/output/renderAsff';
import { defaultProductArn, generatorIdFor, scanOfRun, type AsffRenderer } from './asffFindings';
import { importFindings } from './importFindings';
import { activeFailedFindings, resolvedUpdate } from './resolveFindings';
import { SecurityHubImportError, type FailedImport } from './SecurityHubImportError';
import { TokenBucket } from './TokenBucket';

/**
 * BatchImportFindings: 10 requests a second per account and Region (AWS allows bursts of 30; the
 * sink does not burst: its buckets hold one token, so no second ever sees more than 10 calls).
 */
export const BATCH_IMPORT_RATE_PER_SECOND = 10;
/** GetFindings: 3 requests a second per account and Region. */
export const GET_FINDINGS_RATE_PER_SECOND = 3;

/** One rule run, as the sink sees it. */
export interface SecurityHubRun {
  readonly metadata: RuleMetadata<unknown>;
  /** The evaluated account and Region. */
  readonly accountId: string;
  readonly region: string;
  readonly findings: readonly Finding[];
  /**
   * `all`: the run judged every resource of the rule in the account and Region (periodic), so an
   * open finding it did not report again is resolved when the run is complete. `resource`: a
   * change-triggered run about one resource: only findings it saw compliant are resolved.
   */
  readonly scope: 'all' | 'resource';
  /** false when facts were unknown or time ran out: unseen findings stay open. */
  readonly complete: boolean;
}

export interface SecurityHubSinkOptions {
  /** SDK config for an account (member credentials in organization mode). */
  readonly awsConfigFor: (accountId: string, region: string) => AwsClientConfig;
  /** Replaces the client built from `awsConfigFor` (tests). */
  readonly clientFor?: (accountId: string, region: string) => SecurityHubClient;
  readonly renderAsff?: AsffRenderer;
  readonly partition?: string;
  readonly now?: () => Date;
  readonly logger?: Logger;
  /** Token-bucket clock and sleep (fake timers in tests). */
  readonly clock?: { now: () => number; sleep?: (ms: number) => Promise<void> };
}

export interface SecurityHubOutcome {
  /** FAILED findings imported (created or updated). */
  readonly imported: number;
  /** Findings closed (PASSED + ARCHIVED). */
  readonly resolved: number;
  readonly importCalls: number;
  readonly failed: readonly FailedImport[];
}

/**
 * Sends a rule run's verdicts to Security Hub, from the account that owns each finding:
 * 1. renders one FAILED ASFF finding per NON_COMPLIANT resource and imports them
 *    (BatchImportFindings, ≤ 100 a call, ≤ 10 calls a second per account and Region);
 * 2. reads the rule's findings still ACTIVE and FAILED there (GetFindings) and closes those now
 *    compliant — seen COMPLIANT/NOT_APPLICABLE in this run, or, after a complete run over every
 *    resource, not reported again — with `Compliance.Status: PASSED` and `RecordState: ARCHIVED`.
 * Refused findings are collected and raised together as a {@link SecurityHubImportError}
 * after every account was attempted.
 */
export function createSecurityHubSink(
  options: SecurityHubSinkOptions,
): (run: SecurityHubRun) => Promise<SecurityHubOutcome> {
  const now = options.now ?? (() => new Date());
  const render = options.renderAsff ?? renderAsff;
  const partition = options.partition ?? 'aws';
  const clients = new Map<string, SecurityHubClient>();
  const buckets = new Map<string, { imports: TokenBucket; reads: TokenBucket }>();
  const clientFor = (accountId: string, region: string): SecurityHubClient => {
    const key = `${accountId}/${region}`;
    let client = clients.get(key);
    if (!client) {
      client =
        options.clientFor?.(accountId, region) ??
        new SecurityHubClient(options.awsConfigFor(accountId, region));
      clients.set(key, client);
    }
    return client;
  };
  const bucketsFor = (accountId: string, region: string) => {
    const key = `${accountId}/${region}`;
    let b = buckets.get(key);
    if (!b) {
      const clock = options.clock
        ? { now: options.clock.now, ...(options.clock.sleep ? { sleep: options.clock.sleep } : {}) }
        : {};
      b = {
        imports: new TokenBucket({
          ratePerSecond: BATCH_IMPORT_RATE_PER_SECOND,
          capacity: 1,
          ...clock,
        }),
        reads: new TokenBucket({
          ratePerSecond: GET_FINDINGS_RATE_PER_SECOND,
          capacity: 1,
          ...clock,
        }),
      };
      buckets.set(key, b);
    }
    return b;
  };

  return async (run) => {
    const at = now();
    const ruleId = run.metadata.id;
    const scan = scanOfRun(run.metadata, run.findings, {
      accountId: run.accountId,
      region: run.region,
      partition,
      at,
    });
    const rendered = render(scan).filter((f) => f.Compliance?.Status === 'FAILED');
    const failingIds = new Set(rendered.map((f) => f.Id));
    const seenPassing = new Set(
      flattenFindings(scan.findings)
        .filter(({ finding }) => finding.compliance !== 'NON_COMPLIANT')
        .map(({ finding }) => asffFindingId(finding)),
    );

    const groups = new Map<string, { accountId: string; region: string; findings: AwsSecurityFinding[] }>();
    const groupOf = (accountId: string, region: string) => {
      const key = `${accountId}/${region}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { accountId, region, findings: [] }));
      return g;
    };
    groupOf(run.accountId, run.region);
    for (const f of rendered) {
      // The product ARN names the Region the finding is imported into.
      const region = f.ProductArn?.split(':')[3] || run.region;
      groupOf(f.AwsAccountId ?? run.accountId, region).findings.push(f);
    }

    const syncGroup = async (g: { accountId: string; region: string; findings: AwsSecurityFinding[] }) => {
      const client = clientFor(g.accountId, g.region);
      const { imports, reads } = bucketsFor(g.accountId, g.region);
      const open = await activeFailedFindings({
        client,
        productArn: defaultProductArn(g.accountId, g.region, partition),
        generatorId: generatorIdFor(ruleId),
        accountId: g.accountId,
        region: g.region,
        bucket: reads,
      });
      const fullScope = run.scope === 'all' && run.complete;
      const toClose = open.filter(
        (p) => p.Id !== undefined && !failingIds.has(p.Id) && (seenPassing.has(p.Id) || fullScope),
      );
      const closing = toClose.map((p) =>
        resolvedUpdate(
          p,
          at,
          seenPassing.has(p.Id ?? '')
            ? `Resolved ${at.toISOString()}: the resource is now compliant.`
            : `Resolved ${at.toISOString()}: the resource is no longer reported (deleted or out of scope).`,
        ),
      );
      const outcome = await importFindings({
        client,
        findings: [...g.findings, ...closing],
        bucket: imports,
      });
      const failedIds = new Set(outcome.failed.map((f) => f.id));
      return {
        imported: g.findings.filter((f) => !failedIds.has(f.Id ?? '')).length,
        resolved: closing.filter((c) => !failedIds.has(c.Id ?? '')).length,
        calls: outcome.calls,
        failed: outcome.failed,
      };
    };

    let imported = 0;
    let resolved = 0;
    let importCalls = 0;
    const failed: FailedImport[] = [];
    for (const g of groups.values()) {
      try {
        const outcome = await syncGroup(g);
        imported += outcome.imported;
        resolved += outcome.resolved;
        importCalls += outcome.calls;
        failed.push(...outcome.failed);
      } catch (error) {
        // Security Hub off in that account, the member role refused, throttling past the retries:
        // the other accounts still get their findings; this one is named in the error.
        failed.push({
          id: `(the ${ruleId} findings of ${g.accountId} in ${g.region})`,
          accountId: g.accountId,
          errorCode: error instanceof Error ? error.name : 'Error',
          errorMessage: error instanceof Error ? error.message : String(error),
        });
      }
    }
    const result: SecurityHubOutcome = { imported, resolved, importCalls, failed };
    options.logger?.info('security hub import finished', { ruleId, ...result, failed: failed.length });
    if (failed.length > 0) throw new SecurityHubImportError(failed);
    return result;
  };
}
