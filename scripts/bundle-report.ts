/**
 * `npm run bundle:report`: bundles every rule function of the registry with the CDK app's esbuild
 * options and prints its minified size and cold handler import time. Exits 1 when a bundle is
 * over the budget, a handler file is missing, or a bundle does not export `handler`.
 */
import { ruleHandlerEntry, ruleHandlerExists } from '../infra/ruleHandlerEntry';
import { allRules } from '../rules/index';
import { formatBundleReport, measureRuleBundles, RULE_BUNDLE_BUDGET_BYTES } from './measureRuleBundles';

const missing = allRules.filter((r) => !ruleHandlerExists(r.metadata.id)).map((r) => r.metadata.id);
for (const id of missing) console.error(`rules/${id}/handler.ts is missing`);
const measures = await measureRuleBundles(
  allRules
    .filter((r) => !missing.includes(r.metadata.id))
    .map((r) => ({ ruleId: r.metadata.id, entry: ruleHandlerEntry(r.metadata.id) })),
);
console.log(formatBundleReport(measures));
console.log(`${measures.length} function(s), budget ${RULE_BUNDLE_BUDGET_BYTES} bytes each`);
const failed = missing.length > 0 || measures.some((m) => !m.withinBudget || !m.exportsHandler);
process.exit(failed ? 1 : 0);
