import type { InventoryRule } from './inventoryRule';

/**
 * A rule as the registry holds it, its parameter type erased. Safe because the runtime, the CLI
 * and the scan only ever call a rule with parameters its own `metadata.parameterSchema` produced.
 */
export type PackRule = InventoryRule<unknown>;

export function registerRule<P>(rule: InventoryRule<P>): PackRule {
  return rule as unknown as PackRule;
}
