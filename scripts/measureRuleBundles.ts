import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { RULE_BUNDLE, ruleEsbuildOptions } from '../infra/ruleBundling';
import { AmiShareGuardError } from '../rules/core/errors';

/** The size budget of one minified rule function bundle. */
export const RULE_BUNDLE_BUDGET_BYTES = 1_000_000;

export interface RuleBundleTarget {
  readonly ruleId: string;
  /** The handler entry file (`rules/<id>/handler.ts` for real rules). */
  readonly entry: string;
}

export interface RuleBundleMeasure {
  readonly ruleId: string;
  /**
   * Minified size in bytes of what a cold start loads: the `.mjs` the Lambda runs and the chunks it
   * imports statically (code splitting).
   */
  readonly bytes: number;
  /** Chunks loaded only by a dynamic `import()` (e.g. the Security Hub sink), in bytes. */
  readonly lazyBytes: number;
  /** Cold `import()` of the bundle in a fresh Node process, in milliseconds. */
  readonly importMs: number;
  /** Whether the bundle exports a `handler` function. */
  readonly exportsHandler: boolean;
  /** Whether the whole function code (cold-start and lazy chunks together) is under the budget. */
  readonly withinBudget: boolean;
  /** The npm packages that went into the bundle (e.g. `@aws-sdk/client-config-service`). */
  readonly packages: readonly string[];
}

export interface MeasureOptions {
  /** @default RULE_BUNDLE_BUDGET_BYTES */
  readonly budgetBytes?: number;
}

const IMPORT_PROBE = `
const start = performance.now();
const mod = await import(process.argv[1]);
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, handler: typeof mod.handler === 'function' }));
`;

function packagesOf(inputs: readonly string[]): string[] {
  const names = new Set<string>();
  for (const input of inputs) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match?.[1]) names.add(match[1]);
  }
  return [...names].sort();
}

/**
 * The bytes a cold start loads (the entry file and, transitively, the chunks it imports
 * statically) and the bytes only a dynamic `import()` loads.
 */
function loadedBytes(metafile: Metafile | undefined, outfile: string): { eager: number; lazy: number } {
  if (!metafile) return { eager: statSync(outfile).size, lazy: 0 };
  const outputs = metafile.outputs;
  const key = Object.keys(outputs).find((k) => resolve(k) === resolve(outfile));
  if (!key) return { eager: statSync(outfile).size, lazy: 0 };
  const eager = new Set<string>();
  const visit = (k: string): void => {
    if (eager.has(k)) return;
    eager.add(k);
    for (const i of outputs[k]?.imports ?? [])
      if (i.kind === 'import-statement' && outputs[i.path]) visit(i.path);
  };
  visit(key);
  let eagerBytes = 0;
  let lazyBytes = 0;
  for (const [k, o] of Object.entries(outputs)) {
    if (eager.has(k)) eagerBytes += o.bytes;
    else lazyBytes += o.bytes;
  }
  return { eager: eagerBytes, lazy: lazyBytes };
}

/** Cold-imports a bundle in a fresh Node process (no cache), so the time is what a cold start pays. */
function coldImport(file: string): { ms: number; handler: boolean } {
  const run = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', IMPORT_PROBE, pathToFileURL(file).href],
    {
      encoding: 'utf8',
      env: { ...process.env, AWS_REGION: process.env.AWS_REGION ?? 'us-east-1' },
    },
  );
  if (run.status !== 0) {
    throw new AmiShareGuardError('BUNDLE_IMPORT_FAILED', `importing ${file} failed: ${run.stderr.trim()}`);
  }
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { ms: number; handler: boolean };
}

/**
 * Bundles each rule function with the CDK app's esbuild options ({@link ruleEsbuildOptions}) and
 * measures it: minified size against the budget, and the cold import time of its handler module.
 */
export async function measureRuleBundles(
  targets: readonly RuleBundleTarget[],
  options: MeasureOptions = {},
): Promise<RuleBundleMeasure[]> {
  const budget = options.budgetBytes ?? RULE_BUNDLE_BUDGET_BYTES;
  const dir = mkdtempSync(join(tmpdir(), 'asg-bundle-'));
  try {
    const measures: RuleBundleMeasure[] = [];
    for (const target of targets) {
      const outfile = join(dir, target.ruleId, `index${RULE_BUNDLE.outExtension}`);
      const result = await build(ruleEsbuildOptions(target.entry, outfile));
      const { eager: bytes, lazy: lazyBytes } = loadedBytes(result.metafile, outfile);
      const imported = coldImport(outfile);
      measures.push({
        ruleId: target.ruleId,
        bytes,
        lazyBytes,
        importMs: imported.ms,
        exportsHandler: imported.handler,
        withinBudget: bytes + lazyBytes < budget,
        packages: packagesOf(Object.keys(result.metafile?.inputs ?? {})),
      });
    }
    return measures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A fixed-width table of the measures, one line per function. */
export function formatBundleReport(
  measures: readonly RuleBundleMeasure[],
  budgetBytes = RULE_BUNDLE_BUDGET_BYTES,
): string {
  const lines = measures.map(
    (m) =>
      `${m.ruleId.padEnd(44)} ${(m.bytes / 1024).toFixed(1).padStart(8)} KiB ${m.importMs.toFixed(1).padStart(8)} ms` +
      `${m.lazyBytes > 0 ? `  (+${(m.lazyBytes / 1024).toFixed(1)} KiB lazy)` : ''}` +
      `${m.withinBudget ? '' : `  OVER BUDGET (${budgetBytes} bytes)`}${m.exportsHandler ? '' : '  NO handler EXPORT'}`,
  );
  return [`${'function'.padEnd(44)} ${'minified'.padStart(12)} ${'import'.padStart(11)}`, ...lines].join(
    '\n',
  );
}
