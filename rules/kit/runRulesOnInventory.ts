import type { Finding } from '../core/finding';
import { parseRuleParameters } from '../core/ruleParameters';
import type { Inventory } from '../inventory/model';
import type { PackRule } from './packRule';

export interface RunRulesOptions {
  /** Raw rule parameters by rule id, as Config would pass them (strings); defaults otherwise. */
  readonly ruleParameters?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Only these accounts (default: every account in the inventory). */
  readonly accounts?: readonly string[];
  /** Only these Regions (default: every Region collected). */
  readonly regions?: readonly string[];
}

/**
 * Runs rules over an inventory the way Config would across an organization: region rules once per
 * account and Region, account rules once per account (in its first Region, with every Region of the
 * account in `scope.regions`). Pure: the CLI scan, the demo and the tests
 * use it; the Lambda path runs the same evaluators one account and Region at a time.
 */
export function runRulesOnInventory(
  inventory: Inventory,
  rules: readonly PackRule[],
  options: RunRulesOptions = {},
): Finding[] {
  const findings: Finding[] = [];
  const accounts = inventory.accounts.filter(
    (a) => !options.accounts || options.accounts.includes(a.accountId),
  );
  for (const rule of rules) {
    const params = parseRuleParameters(rule.metadata, options.ruleParameters?.[rule.metadata.id] ?? {});
    for (const account of accounts) {
      const regions = account.regions
        .map((r) => r.region)
        .filter((r) => !options.regions || options.regions.includes(r));
      if (rule.spec.granularity === 'account') {
        const region = regions[0];
        if (region === undefined) continue;
        findings.push(
          ...rule.spec.evaluate(inventory, params, { accountId: account.accountId, region, regions }),
        );
        continue;
      }
      for (const region of regions) {
        findings.push(...rule.spec.evaluate(inventory, params, { accountId: account.accountId, region }));
      }
    }
  }
  return findings;
}
