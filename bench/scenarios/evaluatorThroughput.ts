import type { PackRule } from '../../rules/kit';
import { runRulesOnInventory } from '../../rules/kit';
import type { MemoryFigures } from '../measure';
import { startMemorySampler } from '../measure';
import { generateOrganization, toInventory } from '../synthetic';

export interface EvaluatorBenchOptions {
  readonly rules: readonly PackRule[];
  readonly accounts: number;
  readonly amis: number;
  readonly regions?: readonly string[];
  readonly seed?: number;
}

export interface EvaluatorBenchResult {
  readonly accounts: number;
  readonly regions: number;
  readonly amis: number;
  readonly rules: readonly string[];
  readonly generateMs: number;
  readonly evaluateMs: number;
  readonly findings: number;
  /** Evaluation time of each rule over the whole organization. */
  readonly perRuleMs: Readonly<Record<string, number>>;
  /** AMIs judged per second, summed over rules. */
  readonly amisPerSecond: number;
  readonly memory: MemoryFigures;
}

/** The pure evaluators over a whole synthetic organization (what `scan --inventory` does). */
export function runEvaluatorBench(o: EvaluatorBenchOptions): EvaluatorBenchResult {
  const memory = startMemorySampler();
  const t0 = performance.now();
  const regions = o.regions ?? ['eu-west-1', 'us-east-1'];
  const inventory = toInventory(
    generateOrganization({ accounts: o.accounts, regions, amis: o.amis, seed: o.seed ?? 7 }),
  );
  const t1 = performance.now();
  let findings = 0;
  const perRuleMs: Record<string, number> = {};
  for (const rule of o.rules) {
    const start = performance.now();
    findings += runRulesOnInventory(inventory, [rule]).length;
    perRuleMs[rule.metadata.id] = Math.round(performance.now() - start);
  }
  const t2 = performance.now();
  const evaluateMs = t2 - t1;
  return {
    accounts: o.accounts,
    regions: regions.length,
    amis: o.amis,
    rules: o.rules.map((r) => r.metadata.id),
    generateMs: Math.round(t1 - t0),
    evaluateMs: Math.round(evaluateMs),
    findings,
    perRuleMs,
    amisPerSecond: Math.round((o.amis * o.rules.length) / (evaluateMs / 1000)),
    memory: memory.stop(),
  };
}
