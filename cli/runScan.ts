import type { Finding } from '../rules/core/finding';
import type { Inventory } from '../rules/inventory/model';
import { FACT_FAMILIES } from '../rules/inventory/model';
import type { PackRule } from '../rules/kit/packRule';
import { runRulesOnInventory } from '../rules/kit/runRulesOnInventory';
import { unknownFactsFor } from '../rules/kit/unknownFacts';
import { InvalidInputError } from '../rules/core/errors';
import { createScanResult } from '../rules/output/createScanResult';
import type { ScanResult } from '../rules/output/scanResult';

export interface RunScanOptions {
  readonly accounts?: readonly string[];
  readonly regions?: readonly string[];
  readonly ruleParameters?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly generatedAt: string;
  readonly toolVersion: string;
}

/**
 * Runs the rules over the inventory and gathers a scan result. A rule that throws does not stop
 * the scan and is never a pass: it yields one NON_COMPLIANT `RULE_FAILED` finding per account in scope.
 * Bad rule parameters are bad input and do stop it.
 */
export function runScan(
  inventory: Inventory,
  rules: readonly PackRule[],
  options: RunScanOptions,
): ScanResult {
  const accounts = inventory.accounts
    .map((a) => a.accountId)
    .filter((id) => !options.accounts || options.accounts.includes(id));
  const regionsOf = (accountId: string) =>
    (inventory.accounts.find((a) => a.accountId === accountId)?.regions ?? [])
      .map((r) => r.region)
      .filter((r) => !options.regions || options.regions.includes(r));
  const findings: Finding[] = [];
  for (const rule of rules) {
    try {
      findings.push(
        ...runRulesOnInventory(inventory, [rule], {
          ...(options.accounts ? { accounts: options.accounts } : {}),
          ...(options.regions ? { regions: options.regions } : {}),
          ...(options.ruleParameters ? { ruleParameters: options.ruleParameters } : {}),
        }),
      );
    } catch (error) {
      if (error instanceof InvalidInputError) throw error;
      const message = `rule ${rule.metadata.id} failed: ${(error as Error).message ?? String(error)}`;
      for (const accountId of accounts) {
        findings.push({
          ruleId: rule.metadata.id,
          resourceType: 'AWS::::Account',
          resourceId: accountId,
          accountId,
          region: regionsOf(accountId)[0] ?? 'unknown',
          compliance: 'NON_COMPLIANT',
          scenarios: [],
          reasons: [{ code: 'RULE_FAILED', message: message.slice(0, 300) }],
        });
      }
    }
  }
  const unknownFacts = accounts.flatMap((accountId) =>
    unknownFactsFor(inventory, { accountId, regions: regionsOf(accountId), families: FACT_FAMILIES }),
  );
  return createScanResult(inventory, rules, findings, {
    generatedAt: options.generatedAt,
    toolVersion: options.toolVersion,
    ...(options.accounts ? { accounts: options.accounts } : {}),
    ...(options.regions ? { regions: options.regions } : {}),
    unknownFacts,
  });
}

/** 1 when any evaluation is NON_COMPLIANT, else 0. */
export function exitCodeOf(scan: ScanResult): 0 | 1 {
  return scan.findings.some((f) => f.compliance === 'NON_COMPLIANT') ? 1 : 0;
}
