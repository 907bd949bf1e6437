import type { RuleMetadata } from './core/ruleMetadata';

/**
 * One rule of the pack as the registry holds it. The rules issues add the evaluator here;
 * infra, the conformance pack, docs, the CLI and tests map over {@link allRules}.
 */
export interface RegisteredRule {
  readonly metadata: RuleMetadata<unknown>;
}

/** Every rule in the pack, in catalogue order. */
export const allRules: readonly RegisteredRule[] = [];
