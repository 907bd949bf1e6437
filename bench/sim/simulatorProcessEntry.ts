/**
 * Child-process entry of {@link SimulatedAwsProcess}: builds the synthetic organization from the
 * same generator options (deterministic: the parent gets the same state from the same seed) and
 * serves it, so that the parent's memory figures hold the rule run only.
 */
import type { GenerateOptions, SimRegion } from '../synthetic';
import { generateOrganization } from '../synthetic';
import type { ApiQuota } from './quotas';
import { SimulatedAws } from './SimulatedAws';
import type { StoredEvaluation } from './simTypes';

export type ChildRequest =
  | {
      readonly type: 'start';
      readonly generate: GenerateOptions;
      readonly quotas: Readonly<Record<string, ApiQuota>>;
      /** Seeds yesterday's results of this rule for the first account's first Region (see {@link previousResults}). */
      readonly seedPreviousFor?: string;
    }
  | { readonly type: 'stats' }
  | { readonly type: 'evaluations'; readonly accountId: string; readonly ruleName: string }
  | { readonly type: 'stop' };

export interface ChildStarted {
  readonly endpoint: string;
  readonly accountId: string;
  readonly snapshots: number;
  readonly keys: number;
  readonly priorResults: number;
}

/** Yesterday's results: every shared AMI COMPLIANT, plus 25 AMIs deregistered since (stale: cleanup retires them). */
export function previousResults(region: SimRegion): StoredEvaluation[] {
  const previous = Date.parse('2026-01-01T00:00:00Z') / 1000;
  return [
    ...region.images
      .filter((i) => i.launchPermissions.length > 0)
      .map((i) => ({
        resourceType: 'AWS::EC2::Image',
        resourceId: i.imageId,
        complianceType: 'COMPLIANT',
        orderingTimestamp: previous,
      })),
    ...Array.from({ length: 25 }, (_, i) => ({
      resourceType: 'AWS::EC2::Image',
      resourceId: `ami-dead${i.toString(16).padStart(13, '0')}`,
      complianceType: 'NON_COMPLIANT',
      orderingTimestamp: previous,
    })),
  ];
}

let sim: SimulatedAws | undefined;

process.on('message', (raw: unknown) => {
  const m = raw as ChildRequest;
  void (async () => {
    try {
      if (m.type === 'start') {
        const org = generateOrganization(m.generate);
        sim = await SimulatedAws.start({ org, quotas: m.quotas });
        const account = org.accounts[0];
        const region = account?.regions[0];
        const previous = m.seedPreviousFor && account && region ? previousResults(region) : [];
        if (m.seedPreviousFor && account) sim.config.seed(account.accountId, m.seedPreviousFor, previous);
        const started: ChildStarted = {
          endpoint: sim.endpoint,
          accountId: account?.accountId ?? '',
          snapshots: region?.snapshots.length ?? 0,
          keys: region?.keys.length ?? 0,
          priorResults: previous.length,
        };
        process.send?.({ ok: true, value: started });
      } else if (m.type === 'stats') {
        process.send?.({ ok: true, value: sim?.stats() });
      } else if (m.type === 'evaluations') {
        process.send?.({ ok: true, value: sim?.evaluations(m.accountId, m.ruleName) ?? [] });
      } else {
        await sim?.stop();
        process.send?.({ ok: true, value: null }, () => process.exit(0));
      }
    } catch (error) {
      process.send?.({ ok: false, value: String(error) });
    }
  })();
});
