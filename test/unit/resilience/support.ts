import type { PackRule } from '../../../rules/kit';
import { registerRule } from '../../../rules/kit';
import { sharedAmiUsesCustomerManagedKeyRule } from '../../../rules/shared-ami-uses-customer-managed-key/rule';
import type { ConfigRunOptions, ConfigRunOutcome, VerdictCheck } from '../../../bench/scenarios/configRun';
import { checkVerdicts, runConfigRule } from '../../../bench/scenarios/configRun';
import type { FaultPlan, StoredEvaluation } from '../../../bench/sim';
import { SimulatedAws, unthrottledQuotas } from '../../../bench/sim';
import type { SyntheticOrganization } from '../../../bench/synthetic';
import { generateOrganization, toInventory } from '../../../bench/synthetic';

export const REGION = 'eu-west-1';
export const PREVIOUS_RUN = Date.parse('2026-01-01T00:00:00Z') / 1000;
export const THIS_RUN = '2026-01-02T00:00:00.000Z';
export const PER_AMI = { PerAmiEvaluations: 'true' } as const;
export const amiRule: PackRule = registerRule(sharedAmiUsesCustomerManagedKeyRule);

/** A small synthetic organization (deterministic), AMIs spread over its accounts. */
export function smallOrg(amis = 24, accounts = 3, seed = 5): SyntheticOrganization {
  return generateOrganization({ accounts, regions: [REGION], amis, seed, keysPerRegion: 4 });
}

/** The simulated AWS with zero latency and no rate limits, plus the faults under test. */
export function startSim(org: SyntheticOrganization, faults: FaultPlan = {}): Promise<SimulatedAws> {
  return SimulatedAws.start({ org, quotas: unthrottledQuotas(), faults });
}

/** Yesterday's results for every shared AMI of the account (what an incomplete run must leave alone). */
export function seedPreviousResults(
  sim: SimulatedAws,
  org: SyntheticOrganization,
  accountId: string,
  rule = amiRule,
): void {
  const images = org.accounts.find((a) => a.accountId === accountId)?.regions[0]?.images ?? [];
  sim.config.seed(
    accountId,
    rule.metadata.id,
    images
      .filter((i) => i.launchPermissions.length > 0)
      .map((i) => ({
        resourceType: 'AWS::EC2::Image',
        resourceId: i.imageId,
        complianceType: 'COMPLIANT',
        orderingTimestamp: PREVIOUS_RUN,
      })),
  );
}

export interface RunAndCheck {
  readonly outcome: ConfigRunOutcome;
  readonly verdicts: VerdictCheck;
  readonly recorded: StoredEvaluation[];
}

/** Runs the rule's Lambda handler for one account, then compares Config's results with the ground truth. */
export async function runAndCheck(
  sim: SimulatedAws,
  org: SyntheticOrganization,
  accountId: string,
  options: Partial<Omit<ConfigRunOptions, 'sim' | 'accountId'>> = {},
): Promise<RunAndCheck> {
  const rule = options.rule ?? amiRule;
  const ruleParameters = options.ruleParameters ?? PER_AMI;
  const outcome = await runConfigRule({
    sim,
    rule,
    accountId,
    region: REGION,
    ruleParameters,
    notificationCreationTime: THIS_RUN,
    baseDelayMs: 5,
    ...options,
  });
  const recorded = sim.config.evaluations(accountId, rule.metadata.id);
  const verdicts = checkVerdicts(
    rule,
    toInventory(org),
    accountId,
    REGION,
    ruleParameters,
    recorded,
    Date.parse(THIS_RUN) / 1000,
  );
  return { outcome, verdicts, recorded };
}

/** Evaluations this run put (ordering timestamp of this run). */
export function fromThisRun(recorded: readonly StoredEvaluation[]): StoredEvaluation[] {
  return recorded.filter((e) => Math.abs(e.orderingTimestamp - Date.parse(THIS_RUN) / 1000) <= 1);
}
