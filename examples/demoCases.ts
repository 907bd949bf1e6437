import type { ScenarioId } from '../rules/core/ruleMetadata';

/** One resource of a demo case: the ids a finding may name it by, and the account and Region it lives in. */
export interface DemoResourceRef {
  /** What a reader sees, e.g. `AMI L1-broken-key-policy`. */
  readonly label: string;
  /** Ids a finding may carry as `resourceId` or `resourceArn` (AMI id, key id and ARN, role ARN, IB ARN…). */
  readonly ids: readonly string[];
  readonly accountId: string;
  readonly region: string;
}

/** A scenario reproduced in the demo organization, and its compliant twin (the same setup, fixed). */
export interface DemoCase {
  readonly scenario: ScenarioId;
  readonly story: string;
  readonly broken: readonly DemoResourceRef[];
  readonly twin: readonly DemoResourceRef[];
}

/** Collects the cases while the demo organization is built. */
export class CaseBook {
  private readonly cases = new Map<
    ScenarioId,
    { story: string; broken: DemoResourceRef[]; twin: DemoResourceRef[] }
  >();

  private entry(scenario: ScenarioId, story: string) {
    let e = this.cases.get(scenario);
    if (!e) this.cases.set(scenario, (e = { story, broken: [], twin: [] }));
    return e;
  }

  broken(scenario: ScenarioId, story: string, ref: DemoResourceRef): void {
    this.entry(scenario, story).broken.push(ref);
  }

  twin(scenario: ScenarioId, story: string, ref: DemoResourceRef): void {
    this.entry(scenario, story).twin.push(ref);
  }

  all(): DemoCase[] {
    return [...this.cases.entries()].map(([scenario, e]) => ({ scenario, ...e }));
  }
}
