export { defineInventoryRule, scopeOfInvocation } from './defineInventoryRule';
export type { DefineInventoryRuleOptions } from './defineInventoryRule';
export type {
  CollectRequest,
  CollectTarget,
  EvaluationScope,
  InventoryCollector,
  InventoryCollectorFactory,
  InventoryEvaluator,
  InventoryRule,
  InventoryRuleSpec,
} from './inventoryRule';
export { liveCollector } from './liveCollector';
export { mergeInventories } from './mergeInventories';
export { registerRule } from './packRule';
export type { PackRule } from './packRule';
export { runRulesOnInventory } from './runRulesOnInventory';
export { scopeNamesResource } from './scopeNamesResource';
export type { RunRulesOptions } from './runRulesOnInventory';
export { unknownFactsFor } from './unknownFacts';
