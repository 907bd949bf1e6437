import type { HandlerSummary } from '../../rules/core';
import type { PackRule } from '../../rules/kit';
import { defineInventoryRule, registerRule } from '../../rules/kit';
import { pacedCollector } from './pacedCollector';
import type { BoundFigures, MemoryFigures } from '../measure';
import { rateLimitBound, startMemorySampler } from '../measure';
import type { ApiQuota, SimStats, StoredEvaluation } from '../sim';
import { DEFAULT_QUOTAS, SimulatedAwsProcess } from '../sim';
import { generateOrganization, toInventory } from '../synthetic';
import type { VerdictCheck } from './configRun';
import { checkVerdicts, runConfigRule } from './configRun';

export interface PeriodicBenchOptions {
  readonly rule: PackRule;
  readonly amis: number;
  readonly seed?: number;
  readonly keysPerRegion?: number;
  readonly quotas?: Readonly<Record<string, ApiQuota>>;
  /** Seed Config with a previous run's results (the steady state: cleanup pages through them). */
  readonly priorResults?: boolean;
  readonly ruleParameters?: Readonly<Record<string, string>>;
  /** Collect through the PROTOTYPE pacing collector (a proposed live-source fix) instead of the default. */
  readonly paced?: boolean;
}

export interface PeriodicBenchResult {
  readonly rule: string;
  readonly collector: 'live' | 'paced-prototype';
  readonly amis: number;
  readonly snapshots: number;
  readonly keys: number;
  readonly wallMs: number;
  readonly bound: BoundFigures;
  /** wall time / rate-limit bound. */
  readonly ratioToBound: number;
  readonly summary?: HandlerSummary;
  readonly error?: { readonly name: string; readonly message: string };
  readonly verdicts: VerdictCheck;
  /** Successful calls per AMI, by API. */
  readonly callsPerAmi: Record<string, number>;
  /** The no-redundant-calls targets: each key policy read once, snapshots read in batches of 200. */
  readonly redundancy: {
    readonly keyPolicyReadsPerKey: number;
    readonly describeKeyCallsPerKey: number;
    readonly snapshotCalls: number;
    readonly snapshotBatchesNeeded: number;
    readonly launchPermissionReadsPerAmi: number;
  };
  readonly sim: SimStats;
  /** Throttling errors the SDK retried, and those that surfaced (became unknown facts or failed the run). */
  readonly throttling: { readonly received: number; readonly surfaced: number; readonly retried: number };
  readonly memory: MemoryFigures;
}

const REGION = 'eu-west-1';
const NOTIFICATION = '2026-01-02T00:00:00.000Z';

function sum(r: Record<string, number>): number {
  return Object.values(r).reduce((a, b) => a + b, 0);
}

/**
 * A periodic evaluation of one account and Region holding `amis` AMIs, through the rule's real
 * Lambda handler: the live inventory source reads the simulated AWS (rate-limited, latency),
 * the rule evaluates, the core batches PutEvaluations and cleans stale results.
 */
export async function runPeriodicEvaluationBench(o: PeriodicBenchOptions): Promise<PeriodicBenchResult> {
  const quotas = o.quotas ?? DEFAULT_QUOTAS;
  const generate = {
    accounts: 10,
    regions: [REGION],
    amis: o.amis,
    amiPlacement: 'first' as const,
    seed: o.seed ?? 42,
    keysPerRegion: o.keysPerRegion ?? 20,
  };
  const ruleParameters = o.ruleParameters ?? { PerAmiEvaluations: 'true' };
  const ruleName = o.rule.metadata.id;
  // The organization lives in the child process only: this process measures the rule run.
  const sim = await SimulatedAwsProcess.start({
    generate,
    quotas,
    ...((o.priorResults ?? true) ? { seedPreviousFor: ruleName } : {}),
  });
  const { accountId, snapshots: snapshotCount, keys: keyCount, priorResults: priorCount } = sim.started;
  const memory = startMemorySampler();
  let outcome;
  let stats: SimStats;
  let recorded: StoredEvaluation[];
  try {
    outcome = await runConfigRule({
      sim,
      rule: o.paced
        ? registerRule(defineInventoryRule(o.rule.spec, { collector: pacedCollector(quotas) }))
        : o.rule,
      accountId,
      region: REGION,
      ruleParameters,
      notificationCreationTime: NOTIFICATION,
    });
  } finally {
    stats = await sim.stats();
    recorded = await sim.evaluations(accountId, ruleName);
    await sim.stop();
  }
  const mem = memory.stop();
  const verdicts = checkVerdicts(
    o.rule,
    toInventory(generateOrganization(generate)),
    accountId,
    REGION,
    ruleParameters,
    recorded,
    Date.parse(NOTIFICATION) / 1000,
  );
  const evaluationsPut = outcome.summary?.evaluationsPut ?? stats.succeeded['config:PutEvaluations'] ?? 0;
  const bound = rateLimitBound(
    [
      {
        'ec2:DescribeImages': 1,
        'ec2:DescribeImageAttribute': o.amis,
        'ec2:DescribeSnapshots': Math.ceil(snapshotCount / 200),
        'kms:ListKeys': Math.ceil(keyCount / 100),
        'kms:ListAliases': Math.ceil(keyCount / 50),
        'kms:DescribeKey': keyCount,
        'kms:GetKeyPolicy': keyCount,
      },
      { 'config:GetComplianceDetailsByConfigRule': Math.ceil(priorCount / 100) },
      { 'config:PutEvaluations': Math.ceil(evaluationsPut / 100) },
    ],
    quotas,
  );
  const received =
    sum(stats.throttledByQuota) +
    sum(Object.fromEntries(Object.entries(stats.injected).filter(([k]) => k.endsWith(' throttled'))));
  const surfaced = (outcome.summary?.incomplete ?? []).filter((s) => /Throttled/.test(s)).length;
  const callsPerAmi = Object.fromEntries(
    Object.entries(stats.succeeded).map(([api, n]) => [
      api,
      Math.round((n / Math.max(1, o.amis)) * 10_000) / 10_000,
    ]),
  );
  return {
    rule: ruleName,
    collector: o.paced ? 'paced-prototype' : 'live',
    amis: o.amis,
    snapshots: snapshotCount,
    keys: keyCount,
    wallMs: Math.round(outcome.wallMs),
    bound,
    ratioToBound: bound.rateLimitMs > 0 ? Math.round((outcome.wallMs / bound.rateLimitMs) * 1000) / 1000 : 0,
    ...(outcome.summary ? { summary: outcome.summary } : {}),
    ...(outcome.error ? { error: outcome.error } : {}),
    verdicts,
    callsPerAmi,
    redundancy: {
      keyPolicyReadsPerKey: (stats.succeeded['kms:GetKeyPolicy'] ?? 0) / Math.max(1, keyCount),
      describeKeyCallsPerKey: (stats.succeeded['kms:DescribeKey'] ?? 0) / Math.max(1, keyCount),
      snapshotCalls: stats.succeeded['ec2:DescribeSnapshots'] ?? 0,
      snapshotBatchesNeeded: Math.ceil(snapshotCount / 200),
      launchPermissionReadsPerAmi: (stats.succeeded['ec2:DescribeImageAttribute'] ?? 0) / Math.max(1, o.amis),
    },
    sim: stats,
    throttling: { received, surfaced, retried: received - surfaced },
    memory: mem,
  };
}
