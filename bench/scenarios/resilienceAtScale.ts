import type { PackRule } from '../../rules/kit';
import type { SimStats } from '../sim';
import { SimulatedAws, unthrottledQuotas } from '../sim';
import { generateOrganization, toInventory } from '../synthetic';
import type { VerdictCheck } from './configRun';
import { checkVerdicts, runConfigRule } from './configRun';

export interface ResilienceBenchOptions {
  readonly rule: PackRule;
  readonly accounts: number;
  readonly amisPerAccount: number;
  readonly throttleRate: number;
  /** Index (0-based) of the account whose read role is denied every EC2 and KMS call; -1 for none. */
  readonly deniedAccount: number;
  readonly seed?: number;
}

export interface AccountRun {
  readonly accountId: string;
  readonly complete: boolean;
  readonly cleanupSkipped: boolean;
  readonly evaluationsPut: number;
  /** What the run could not read (surfaced errors, e.g. throttling that outlasted the retries). */
  readonly incomplete: readonly string[];
  readonly error?: string;
  readonly verdicts: VerdictCheck;
  readonly wallMs: number;
}

export interface ResilienceBenchResult {
  readonly accounts: number;
  readonly amis: number;
  readonly throttleRate: number;
  readonly wallMs: number;
  readonly runs: readonly AccountRun[];
  readonly totals: {
    readonly expected: number;
    readonly lost: number;
    readonly notRefreshed: number;
    readonly fakeCompliant: number;
    readonly unreadable: number;
    readonly falseNonCompliant: number;
    readonly failedRuns: number;
  };
  readonly sim: SimStats;
}

const REGION = 'eu-west-1';
const PREVIOUS = Date.parse('2026-01-01T00:00:00Z') / 1000;
const NOTIFICATION = '2026-01-02T00:00:00.000Z';

/**
 * Ten accounts evaluated at once (as Config invokes an organization rule), with a share of every
 * API call throttled and one account denying everything. Counts what reached Config, against
 * the ground truth: nothing may be lost or faked.
 */
export async function runResilienceBench(o: ResilienceBenchOptions): Promise<ResilienceBenchResult> {
  const org = generateOrganization({
    accounts: o.accounts,
    regions: [REGION],
    amis: o.accounts * o.amisPerAccount,
    seed: o.seed ?? 11,
    keysPerRegion: 6,
  });
  const truth = toInventory(org);
  const denied = org.accounts[o.deniedAccount]?.accountId;
  const quotas = Object.fromEntries(
    Object.entries(unthrottledQuotas()).map(([api, q]) => [api, { ...q, latencyMs: 2 }]),
  );
  const sim = await SimulatedAws.start({
    org,
    quotas,
    faults: {
      seed: o.seed ?? 11,
      throttleRate: o.throttleRate,
      ...(denied
        ? {
            accessDenied: [
              { accountId: denied, service: 'ec2' },
              { accountId: denied, service: 'kms' },
            ],
          }
        : {}),
    },
  });
  const ruleName = o.rule.metadata.id;
  const ruleParameters = { PerAmiEvaluations: 'true' };
  // Yesterday's results, so that an account that cannot be read still shows its last verdicts.
  for (const a of org.accounts) {
    const images = a.regions[0]?.images ?? [];
    sim.config.seed(
      a.accountId,
      ruleName,
      images
        .filter((i) => i.launchPermissions.length > 0)
        .map((i) => ({
          resourceType: 'AWS::EC2::Image',
          resourceId: i.imageId,
          complianceType: 'COMPLIANT',
          orderingTimestamp: PREVIOUS,
        })),
    );
  }
  const started = performance.now();
  let runs: AccountRun[];
  try {
    runs = await Promise.all(
      org.accounts.map(async (a) => {
        const out = await runConfigRule({
          sim,
          rule: o.rule,
          accountId: a.accountId,
          region: REGION,
          ruleParameters,
          notificationCreationTime: NOTIFICATION,
          baseDelayMs: 50,
        });
        const verdicts = checkVerdicts(
          o.rule,
          truth,
          a.accountId,
          REGION,
          ruleParameters,
          sim.config.evaluations(a.accountId, ruleName),
          Date.parse(NOTIFICATION) / 1000,
        );
        return {
          accountId: a.accountId,
          complete: out.summary?.complete ?? false,
          cleanupSkipped: out.summary?.cleanupSkipped ?? true,
          evaluationsPut: out.summary?.evaluationsPut ?? 0,
          incomplete: out.summary?.incomplete ?? [],
          ...(out.error ? { error: `${out.error.name}: ${out.error.message}`.slice(0, 300) } : {}),
          verdicts,
          wallMs: Math.round(out.wallMs),
        };
      }),
    );
  } finally {
    await sim.stop();
  }
  const total = (k: keyof VerdictCheck) => runs.reduce((n, r) => n + r.verdicts[k], 0);
  return {
    accounts: o.accounts,
    amis: o.accounts * o.amisPerAccount,
    throttleRate: o.throttleRate,
    wallMs: Math.round(performance.now() - started),
    runs,
    totals: {
      expected: total('expected'),
      lost: total('lost'),
      notRefreshed: total('notRefreshed'),
      fakeCompliant: total('fakeCompliant'),
      unreadable: total('unreadable'),
      falseNonCompliant: total('falseNonCompliant'),
      failedRuns: runs.filter((r) => r.error).length,
    },
    sim: sim.stats(),
  };
}
