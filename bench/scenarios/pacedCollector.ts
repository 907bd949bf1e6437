import type { EC2Client } from '@aws-sdk/client-ec2';
import type { RuleContext } from '../../rules/core/ruleDefinition';
import type { AwsClients } from '../../rules/inventory/live/AwsClients';
import { collectInventory } from '../../rules/inventory/live/collectInventory';
import { LiveInventorySource } from '../../rules/inventory/live/LiveInventorySource';
import type { Inventory } from '../../rules/inventory/model';
import type { CollectRequest, InventoryCollector } from '../../rules/kit';
import { mergeInventories } from '../../rules/kit';
import type { ApiQuota } from '../sim/quotas';

/** A client-side token bucket that waits (instead of failing) until a token is there. */
class Pacer {
  private tokens: number;
  private last = performance.now();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
  ) {
    this.tokens = capacity;
  }

  take(): Promise<void> {
    const next = this.queue.then(async () => {
      for (;;) {
        const now = performance.now();
        this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
        this.last = now;
        if (this.tokens >= 1) {
          this.tokens -= 1;
          return;
        }
        await new Promise((r) => setTimeout(r, ((1 - this.tokens) / this.perSecond) * 1000));
      }
    });
    this.queue = next;
    return next;
  }
}

/**
 * PROTOTYPE of a fix proposed to the live source's owner (not shipped code): the default
 * collector, plus a pacing middleware on every client that spaces each attempt (retries included)
 * to the documented quota (`fraction` of it), so that the account's bucket is not emptied and the
 * SDK's adaptive limiter never collapses the rate. Same reads, same cache, same counters.
 */
export function pacedCollector(quotas: Readonly<Record<string, ApiQuota>>, fraction = 0.95) {
  return (ctx: RuleContext): InventoryCollector => {
    const source = new LiveInventorySource({
      configFor: (accountId, region) => ctx.awsConfigFor(accountId, region),
    });
    const pacers = new Map<string, Pacer>();
    const clients = source.clients as AwsClients & { get: AwsClients['get'] };
    const originalGet = clients.get.bind(clients);
    const patched = new WeakSet<object>();
    clients.get = ((service, accountId, region) => {
      const client = originalGet(service, accountId, region);
      if (!patched.has(client)) {
        patched.add(client);
        (client as unknown as { middlewareStack: EC2Client['middlewareStack'] }).middlewareStack.add(
          (next, context) => async (args) => {
            const api = `${service}:${(context.commandName ?? '').replace(/Command$/, '')}`;
            const q = quotas[api];
            if (q) {
              const key = `${api}|${accountId}|${region}`;
              let p = pacers.get(key);
              if (!p) {
                p = new Pacer(Math.max(1, Math.floor(q.bucket * fraction)), q.refillPerSecond * fraction);
                pacers.set(key, p);
              }
              await p.take();
            }
            return next(args);
          },
          { step: 'finalizeRequest', priority: 'low', name: 'benchPacer' },
        );
      }
      return client;
    }) as AwsClients['get'];
    return async (request: CollectRequest): Promise<Inventory> => {
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
      if (!first) throw new Error('pacedCollector: a collect request needs at least one target');
      return mergeInventories(first, ...rest);
    };
  };
}
