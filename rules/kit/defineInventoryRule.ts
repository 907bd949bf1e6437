import type { RuleContext, RuleInvocation, RuleRunResult } from '../core/ruleDefinition';
import type { Inventory } from '../inventory/model';
import type {
  CollectTarget,
  EvaluationScope,
  InventoryCollectorFactory,
  InventoryRule,
  InventoryRuleSpec,
} from './inventoryRule';
import { liveCollector } from './liveCollector';
import { mergeInventories } from './mergeInventories';
import { unknownFactsFor } from './unknownFacts';

export interface DefineInventoryRuleOptions {
  /** How facts are read in a Lambda run. Default: the inventory's live source. */
  readonly collector?: InventoryCollectorFactory;
}

/** The scope of a Config invocation: the account and Region, and the item's resource if any. */
export function scopeOfInvocation<P>(invocation: RuleInvocation<P>): EvaluationScope {
  const base = { accountId: invocation.accountId, region: invocation.region };
  if (invocation.kind === 'periodic') return base;
  const ci = invocation.configurationItem;
  return {
    ...base,
    resource: {
      resourceType: ci.resourceType,
      resourceId: ci.resourceId,
      ...(ci.ARN ? { arn: ci.ARN } : {}),
    },
  };
}

/**
 * Turns a pure inventory evaluator into a Config rule: in a Lambda run it reads the facts the rule
 * needs (the evaluated account and Region, then the accounts the rule depends on), applies the
 * configuration item of a change-triggered run, and evaluates. The run is complete only when every
 * fact of the evaluated account and Region was read and the time budget held.
 */
export function defineInventoryRule<P>(
  spec: InventoryRuleSpec<P>,
  options: DefineInventoryRuleOptions = {},
): InventoryRule<P> {
  return {
    metadata: spec.metadata,
    spec,
    async evaluate(invocation: RuleInvocation<P>, ctx: RuleContext): Promise<RuleRunResult> {
      const collector = (options.collector ?? liveCollector)(ctx);
      const scope = scopeOfInvocation(invocation);
      const primary: CollectTarget = {
        accountId: invocation.accountId,
        regions: [invocation.region],
        families: spec.families,
      };
      let inventory: Inventory = await collector({
        targets: [primary],
        organization: spec.needsOrganization,
      });
      if (invocation.kind === 'change' && spec.applyConfigurationItem) {
        inventory = spec.applyConfigurationItem(inventory, invocation.configurationItem);
      }
      const incomplete: string[] = [];
      const dependencies = spec.dependencies?.(inventory, invocation.params, scope) ?? [];
      if (dependencies.length > 0) {
        if (ctx.budget.expired()) {
          incomplete.push('dependency accounts not read: the time budget ran out');
        } else {
          const more = await collector({ targets: dependencies, organization: false });
          inventory = mergeInventories(inventory, more);
        }
      }
      const findings = spec.evaluate(inventory, invocation.params, scope);
      incomplete.push(...unknownFactsFor(inventory, primary));
      if (ctx.budget.expired()) incomplete.push('the time budget ran out');
      ctx.logger.info('rule evaluated', {
        findings: findings.length,
        dependencies: dependencies.length,
        unknownFacts: incomplete.length,
      });
      return { findings, complete: incomplete.length === 0, incomplete };
    },
  };
}
