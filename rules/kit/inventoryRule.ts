import type { Finding } from '../core/finding';
import type { RuleContext, RuleDefinition, RuleInvocation } from '../core/ruleDefinition';
import type { RuleMetadata } from '../core/ruleMetadata';
import type { ConfigurationItem } from '../core/configEvent';
import type { FactFamily, Inventory } from '../inventory/model';

/**
 * What one evaluation looks at. Periodic runs: an account and a Region (every resource of the
 * rule's kind there). Change-triggered runs: the same, narrowed to one resource.
 */
export interface EvaluationScope {
  readonly accountId: string;
  /** The rule's Region. For account-wide rules (IAM), the Region the rule runs in. */
  readonly region: string;
  /**
   * Account-wide rules only: every Region whose facts the run holds for the account (a scan of an
   * inventory). Absent in a Lambda run, where the rule's own parameters say which Regions to read.
   */
  readonly regions?: readonly string[];
  /** Set for change-triggered runs: the resource the configuration item is about. */
  readonly resource?: {
    readonly resourceType: string;
    readonly resourceId: string;
    readonly arn?: string;
  };
}

/**
 * A pure evaluator: no I/O, no clock, no environment. The same facts always give the same
 * findings, whether they came from live AWS or an inventory file.
 */
export type InventoryEvaluator<P> = (inventory: Inventory, params: P, scope: EvaluationScope) => Finding[];

/** What the live collector must read for one account. */
export interface CollectTarget {
  readonly accountId: string;
  readonly regions: readonly string[];
  readonly families: readonly FactFamily[];
}

export interface CollectRequest {
  readonly targets: readonly CollectTarget[];
  /** Read the organization (accounts, OU paths) from the evaluated account. */
  readonly organization: boolean;
}

/** Reads facts into the inventory model. One collector serves one rule run (it caches what it read). */
export type InventoryCollector = (request: CollectRequest) => Promise<Inventory>;

/** Makes the collector of one rule run, from the run's context (credentials per account, budget). */
export type InventoryCollectorFactory = (ctx: RuleContext) => InventoryCollector;

export interface InventoryRuleSpec<P> {
  readonly metadata: RuleMetadata<P>;
  /** Fact families read in the evaluated account and Region. */
  readonly families: readonly FactFamily[];
  /** `region`: evaluated per account and Region. `account`: once per account (global IAM facts). */
  readonly granularity: 'region' | 'account';
  /** Whether the rule needs the organization (accounts, OU paths). */
  readonly needsOrganization: boolean;
  /**
   * Further accounts and Regions to read once the evaluated account is known (e.g. Image Builder
   * target accounts, the owners of foreign keys). Pure.
   */
  readonly dependencies?: (primary: Inventory, params: P, scope: EvaluationScope) => readonly CollectTarget[];
  /**
   * Puts the configuration item's state into the inventory (change-triggered runs), so that the
   * verdict is about the item Config sent. Pure. Default: the inventory is left as read.
   */
  readonly applyConfigurationItem?: (inventory: Inventory, item: ConfigurationItem) => Inventory;
  readonly evaluate: InventoryEvaluator<P>;
}

/** A rule built on the inventory: a Config `RuleDefinition` plus its pure evaluator. */
export interface InventoryRule<P> extends RuleDefinition<P> {
  readonly spec: InventoryRuleSpec<P>;
}

export type { RuleInvocation };
