import type { BuildOptions } from 'esbuild';
import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { RULE_FUNCTION_NODE_TARGET } from './lambdaRuntime';

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

/** The same options for esbuild's JS API (`scripts/bundle-report.ts`). */
export function ruleEsbuildOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
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
  };
}
