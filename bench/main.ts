/**
 * `npm run bench [-- --quick] [--json] [--only a,b]`: org-scale figures for ami-share-guard.
 * Scenarios: periodic (one account and Region through the real Lambda handler against the
 * simulated AWS), resilience (ten accounts, 30% throttling, one account denied), evaluator
 * (pure evaluators over a synthetic organization), policy (the policy engine's bench), bundles
 * (the packaging bench). `--json` prints one JSON document on stdout.
 */
import { cpus } from 'node:os';
import { Command } from 'commander';
import { allRules } from '../rules/index';
import type { PackRule } from '../rules/kit';
import { registerRule } from '../rules/kit';
import { sharedAmiUsesCustomerManagedKeyRule } from '../rules/shared-ami-uses-customer-managed-key/rule';
import { ruleHandlerEntry, ruleHandlerExists } from '../infra/ruleHandlerEntry';
import { measureRuleBundles } from '../scripts/measureRuleBundles';
import { runPolicyEngineBench } from './policyEngine.bench';
import { runEvaluatorBench } from './scenarios/evaluatorThroughput';
import { runPeriodicEvaluationBench } from './scenarios/periodicEvaluation';
import { runResilienceBench } from './scenarios/resilienceAtScale';
import { DEFAULT_QUOTAS } from './sim';

const SCENARIOS = ['periodic', 'resilience', 'evaluator', 'policy', 'bundles'] as const;
type Scenario = (typeof SCENARIOS)[number];

interface BenchOptions {
  readonly quick: boolean;
  readonly json: boolean;
  readonly only?: string;
  readonly amis?: string;
  readonly paced: boolean;
}

const PERIODIC_RULE = registerRule(sharedAmiUsesCustomerManagedKeyRule);

function packRules(): PackRule[] {
  const rules = [...allRules];
  if (!rules.some((r) => r.metadata.id === PERIODIC_RULE.metadata.id)) rules.unshift(PERIODIC_RULE);
  return rules;
}

function machine() {
  const cpu = cpus();
  return {
    node: process.version,
    cpuModel: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    platform: `${process.platform} ${process.arch}`,
  };
}

function log(json: boolean, message: string): void {
  if (!json) console.log(message);
  else console.error(message);
}

async function main(): Promise<void> {
  const program = new Command('bench')
    .option('--quick', 'smaller estates (a few minutes in all)', false)
    .option('--json', 'print the figures as one JSON document on stdout', false)
    .option('--only <scenarios>', `comma-separated subset of ${SCENARIOS.join(', ')}`)
    .option('--amis <n>', 'AMIs in the periodic scenario (default 1,000 quick, 10,000 full)')
    .option('--paced', 'also run the periodic scenario through the prototype pacing collector', false)
    .parse();
  const o = program.opts<BenchOptions>();
  const chosen = o.only ? o.only.split(',').map((s) => s.trim()) : [...SCENARIOS];
  for (const s of chosen) {
    if (!(SCENARIOS as readonly string[]).includes(s)) {
      console.error(`--only: unknown scenario ${JSON.stringify(s)} (expected ${SCENARIOS.join(', ')})`);
      process.exit(2);
    }
  }
  const amis = o.amis ? Number(o.amis) : o.quick ? 1_000 : 10_000;
  if (!Number.isInteger(amis) || amis < 1 || amis > 50_000) {
    console.error(`--amis: expected an integer in 1..50000, got ${JSON.stringify(o.amis)}`);
    process.exit(2);
  }
  const has = (s: Scenario) => chosen.includes(s);
  const figures: Record<string, unknown> = {
    machine: machine(),
    mode: o.quick ? 'quick' : 'full',
    startedAt: new Date().toISOString(),
    quotas: DEFAULT_QUOTAS,
  };

  if (has('periodic')) {
    log(
      o.json,
      `periodic: ${amis} AMIs in one account and Region, real quotas (lower bound ${((amis - 100) / 20).toFixed(0)} s)…`,
    );
    const r = await runPeriodicEvaluationBench({ rule: PERIODIC_RULE, amis });
    figures['periodic'] = r;
    const line = (x: typeof r) =>
      `  ${x.collector}: ${(x.wallMs / 1000).toFixed(1)} s, bound ${(x.bound.rateLimitMs / 1000).toFixed(1)} s, ratio ${x.ratioToBound}; ` +
      `lost ${x.verdicts.lost}, fake COMPLIANT ${x.verdicts.fakeCompliant}; peak RSS ${x.memory.peakRssMb} MB`;
    log(o.json, line(r));
    if (o.paced) {
      const p = await runPeriodicEvaluationBench({ rule: PERIODIC_RULE, amis, paced: true });
      figures['periodicPaced'] = p;
      log(o.json, line(p));
    }
  }
  if (has('resilience')) {
    const per = o.quick ? 30 : 100;
    log(o.json, `resilience: 10 accounts x ${per} AMIs, 30% of calls throttled, one account's reads denied…`);
    const r = await runResilienceBench({
      rule: PERIODIC_RULE,
      accounts: 10,
      amisPerAccount: per,
      throttleRate: 0.3,
      deniedAccount: 9,
    });
    figures['resilience'] = r;
    log(o.json, `  ${(r.wallMs / 1000).toFixed(1)} s; ${JSON.stringify(r.totals)}`);
  }
  if (has('evaluator')) {
    const accounts = o.quick ? 100 : 1_000;
    const evalAmis = o.quick ? 5_000 : 50_000;
    const rules = packRules();
    log(
      o.json,
      `evaluator: ${rules.length} rule(s) over ${accounts} accounts x 2 Regions, ${evalAmis} AMIs…`,
    );
    const r = runEvaluatorBench({ rules, accounts, amis: evalAmis });
    figures['evaluator'] = r;
    log(
      o.json,
      `  generate ${r.generateMs} ms, evaluate ${r.evaluateMs} ms, ${r.amisPerSecond} AMI-judgements/s`,
    );
  }
  if (has('policy')) {
    log(o.json, 'policy: key-policy decisions per second (bench/policyEngine.bench.ts)…');
    const r = await runPolicyEngineBench({ quick: o.quick });
    figures['policy'] = r;
    log(o.json, `  ${r.decisionsPerSecond} decisions/s (${r.ratio}x iam-simulate)`);
  }
  if (has('bundles')) {
    const ids = packRules()
      .map((r) => r.metadata.id)
      .filter((id) => ruleHandlerExists(id));
    log(o.json, `bundles: ${ids.length} rule function(s)…`);
    const r = await measureRuleBundles(ids.map((ruleId) => ({ ruleId, entry: ruleHandlerEntry(ruleId) })));
    figures['bundles'] = r.map(({ ruleId, bytes, importMs, withinBudget }) => ({
      ruleId,
      bytes,
      importMs,
      withinBudget,
    }));
    for (const m of r)
      log(o.json, `  ${m.ruleId}: ${(m.bytes / 1024).toFixed(1)} KiB, import ${m.importMs.toFixed(1)} ms`);
  }
  figures['finishedAt'] = new Date().toISOString();
  if (o.json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
