import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/ruleHandlerEntry';
import { FIXTURE_HANDLER } from './fixtures';
import { RULE_BUNDLE, ruleEsbuildOptions, ruleFunctionBundling } from '../../infra/ruleBundling';
import {
  formatBundleReport,
  measureRuleBundles,
  RULE_BUNDLE_BUDGET_BYTES,
  type RuleBundleMeasure,
} from '../../scripts/measureRuleBundles';

describe('Rule bundles', () => {
  let measure: RuleBundleMeasure;
  beforeAll(async () => {
    [measure] = (await measureRuleBundles([{ ruleId: 'fixture', entry: FIXTURE_HANDLER }])) as [
      RuleBundleMeasure,
    ];
  });

  it('bundles the AWS SDK client into the function instead of relying on the runtime', () => {
    expect(measure.packages).toContain('@aws-sdk/client-config-service');
  });

  it('stays under the 1 MB budget, minified, and exports handler', () => {
    expect(measure.bytes).toBeGreaterThan(10_000);
    expect(measure.bytes).toBeLessThan(RULE_BUNDLE_BUDGET_BYTES);
    expect(measure.withinBudget).toBe(true);
    expect(measure.exportsHandler).toBe(true);
  });

  it('measures a cold import time in a fresh process', () => {
    expect(measure.importMs).toBeGreaterThan(0);
    expect(formatBundleReport([measure])).toMatch(/fixture\s+\d+\.\d KiB\s+\d+\.\d ms/);
  });

  it('keeps the Security Hub sink out of what a cold start loads (a lazy chunk, loaded on SecurityHubImport)', async () => {
    const [runtime] = await measureRuleBundles([
      { ruleId: 'runtime', entry: join(REPO_ROOT, 'rules/core/createConfigRuleHandler.ts') },
    ]);
    expect(runtime?.packages).toContain('@aws-sdk/client-securityhub');
    // The SDK's credential providers are lazy chunks in every bundle; the sink adds ~140 KB more.
    expect((runtime?.lazyBytes ?? 0) - measure.lazyBytes).toBeGreaterThan(100_000);
  });

  it('marks a bundle over the budget', async () => {
    const [small] = await measureRuleBundles([{ ruleId: 'fixture', entry: FIXTURE_HANDLER }], {
      budgetBytes: 1000,
    });
    expect(small?.withinBudget).toBe(false);
    expect(formatBundleReport(small ? [small] : [], 1000)).toContain('OVER BUDGET');
  });

  it('uses the same esbuild options as the CDK functions', () => {
    const cdk = ruleFunctionBundling();
    const script = ruleEsbuildOptions('entry.ts', 'out.mjs');
    expect(script).toMatchObject({
      format: cdk.format,
      target: cdk.target,
      minify: cdk.minify,
      sourcemap: cdk.sourceMap,
      mainFields: cdk.mainFields,
      banner: { js: cdk.banner },
      external: cdk.externalModules,
    });
    expect(cdk.bundleAwsSDK).toBe(true);
    expect(RULE_BUNDLE.outExtension).toBe('.mjs');
  });
});
