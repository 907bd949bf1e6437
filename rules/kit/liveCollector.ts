import type { RuleContext } from '../core/ruleDefinition';
import type { TimeBudget } from '../core/timeBudget';
import { collectInventory } from '../inventory/live/collectInventory';
import { LiveInventorySource } from '../inventory/live/LiveInventorySource';
import type { Inventory } from '../inventory/model';
import type { CollectRequest, InventoryCollector } from './inventoryRule';
import { mergeInventories } from './mergeInventories';

/**
 * An abort signal that fires when the time budget runs out, so that the live source stops starting
 * reads (facts not read become `Timeout` unknowns) instead of spending the account's API rate after
 * the runtime has stopped waiting. The timer does not keep the process alive.
 */
export function budgetSignal(budget: TimeBudget): AbortSignal | undefined {
  const ms = budget.remainingMs();
  if (!Number.isFinite(ms)) return undefined;
  const controller = new AbortController();
  if (ms <= 0) controller.abort();
  else setTimeout(() => controller.abort(), ms).unref();
  return controller.signal;
}

/** The account key the live source uses for the caller's own account (where Organizations is read). */
const SELF = 'self';

/**
 * The default collector of a Lambda run: the inventory's live source, with each account reached
 * through the runtime (the member role in organization mode) and the organization read with the
 * function's own credentials. One source per run, so each fact is read once across passes.
 */
export function liveCollector(ctx: RuleContext): InventoryCollector {
  let home: string | undefined;
  const source = new LiveInventorySource({
    signal: budgetSignal(ctx.budget),
    configFor: (accountId, region) => {
      if (accountId !== SELF) return ctx.awsConfigFor(accountId, region);
      // The function's own credentials: keep the endpoint and retry settings, drop the member role.
      const { credentials: _memberCredentials, ...own } = ctx.awsConfigFor(home ?? accountId, region);
      return own;
    },
  });
  return async (request: CollectRequest): Promise<Inventory> => {
    home ??= request.targets[0]?.accountId;
    const parts: Inventory[] = [];
    for (const [index, target] of request.targets.entries()) {
      parts.push(
        await collectInventory(source, {
          accountIds: [target.accountId],
          regions: target.regions,
          families: target.families,
          organization: request.organization && index === 0,
        }),
      );
    }
    const [first, ...rest] = parts;
    if (!first) throw new Error('liveCollector: a collect request needs at least one target');
    return mergeInventories(first, ...rest);
  };
}
