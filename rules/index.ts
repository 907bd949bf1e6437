import type { RegisteredRule } from './kit/registeredRule';

export type { RegisteredRule } from './kit/registeredRule';

/**
 * Every rule in the pack, in catalogue order: the one registry that infra, the conformance pack,
 * docs, the CLI and tests map over. Add a rule with `registerRule(<rule>)`.
 */
export const allRules: readonly RegisteredRule[] = [];
