import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ruleEsbuildOptions } from '../infra/ruleBundling';

/**
 * Bundles one Lambda entry into `<outdir>/index.mjs` with the rule functions' esbuild options.
 * The CDK app runs it during synth (local asset bundling); usage: bundleFunction.ts ENTRY OUTDIR
 */
async function main(argv: readonly string[]): Promise<void> {
  const [entry, outdir] = argv;
  if (!entry || !outdir) throw new Error('usage: bundleFunction.ts ENTRY OUTDIR');
  mkdirSync(outdir, { recursive: true });
  await build({ ...ruleEsbuildOptions(entry, join(outdir, 'index.mjs')), metafile: false });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
