import { spawnSync } from 'node:child_process';
import { basename, dirname, extname, join } from 'node:path';
import type { BuildOptions } from 'esbuild';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { inlineSdkSchemaKeys, zodEnglishOnly } from './bundlePlugins';
import { RULE_FUNCTION_NODE_TARGET } from './lambdaRuntime';
import { REPO_ROOT } from './ruleHandlerEntry';

/**
 * The esbuild options every rule function is bundled with, shared by the CDK app
 * ({@link ruleFunctionBundling}) and `scripts/bundle-report.ts` ({@link ruleEsbuildOptions}), so the
 * size the report measures is the size that is deployed.
 *
 * - ESM output (`.mjs`), with a `require` shim for the few CommonJS dependencies.
 * - The AWS SDK v3 clients are bundled (not taken from the runtime) so the code runs with the
 *   client versions it was tested with; `module` entry points first so esbuild tree-shakes them.
 */
export const RULE_BUNDLE = {
  format: 'esm',
  target: RULE_FUNCTION_NODE_TARGET,
  minify: true,
  sourceMap: false,
  mainFields: ['module', 'main'] as const,
  banner:
    "import { createRequire as __asgCreateRequire } from 'module';const require = __asgCreateRequire(import.meta.url);",
  outExtension: '.mjs',
} as const;

/** The CDK NodejsFunction bundling options (local esbuild, never Docker). */
export function ruleFunctionBundling(): BundlingOptions {
  return {
    format: OutputFormat.ESM,
    target: RULE_BUNDLE.target,
    minify: RULE_BUNDLE.minify,
    sourceMap: RULE_BUNDLE.sourceMap,
    mainFields: [...RULE_BUNDLE.mainFields],
    banner: RULE_BUNDLE.banner,
    // Bundle every dependency, the AWS SDK included.
    externalModules: [],
    bundleAwsSDK: true,
    forceDockerBundling: false,
  };
}

/**
 * The same options for esbuild's JS API (`scripts/bundle-report.ts`). The entry lands in `outfile`;
 * code splitting puts what is only loaded by a dynamic `import()` (the Security Hub sink, used when a
 * rule's `SecurityHubImport` is "true") in lazy chunks beside it (`chunks/`), so functions that never
 * import findings never load (or pay the cold start of) the Security Hub client.
 */
export function ruleEsbuildOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outdir: dirname(outfile),
    entryNames: basename(outfile, extname(outfile)),
    outExtension: { '.js': extname(outfile) || '.js' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: RULE_BUNDLE.format,
    target: RULE_BUNDLE.target,
    minify: RULE_BUNDLE.minify,
    sourcemap: RULE_BUNDLE.sourceMap,
    mainFields: [...RULE_BUNDLE.mainFields],
    banner: { js: RULE_BUNDLE.banner },
    external: [],
    metafile: true,
    logLevel: 'silent',
    plugins: [inlineSdkSchemaKeys(), zodEnglishOnly()],
  };
}

/**
 * The code of a rule function: `rules/<id>/handler.ts` bundled by `scripts/bundleFunction.ts` with
 * {@link ruleEsbuildOptions} (its plugin is why the CDK's NodejsFunction, which takes no esbuild
 * plugins, is not used). Local bundling only: no Docker. The asset hash is the bundle's, so any
 * change to shared code redeploys the function. The CDK's `aws:cdk:bundling-stacks` context skips it
 * like any bundling.
 */
export function ruleFunctionCode(entry: string): Code {
  return Code.fromAsset(dirname(entry), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by the API, never pulled: local bundling always succeeds or throws.
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:20'),
      local: {
        tryBundle(outputDir: string): boolean {
          const run = spawnSync(
            process.execPath,
            ['--import', 'tsx', join(REPO_ROOT, 'scripts/bundleFunction.ts'), entry, outputDir],
            { cwd: REPO_ROOT, encoding: 'utf8' },
          );
          if (run.status !== 0) {
            throw new Error(`bundling ${entry} failed: ${run.stderr.trim() || run.error?.message}`);
          }
          return true;
        },
      },
    },
  });
}
