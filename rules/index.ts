import { ebsDefaultKeyShareableRule } from './ebs-default-key-shareable/rule';
import { imagebuilderDistributionKeyShareableRule } from './imagebuilder-distribution-key-shareable/rule';
import { imagebuilderPipelineDistributionReadyRule } from './imagebuilder-pipeline-distribution-ready/rule';
import { imagebuilderRecipeKeyShareableRule } from './imagebuilder-recipe-key-shareable/rule';
import { amiConsumerRoleKmsAccessRule } from './ami-consumer-role-kms-access/rule';
import { registerRule } from './kit/packRule';
import { kmsKeyGrantsImageConsumersRule } from './kms-key-grants-image-consumers/rule';
import { sharedAmiKeyGrantsConsumersRule } from './shared-ami-key-grants-consumers/rule';
import { sharedAmiUsesCustomerManagedKeyRule } from './shared-ami-uses-customer-managed-key/rule';
import type { RuleMetadata } from './core/ruleMetadata';
import type { PackRule } from './kit/packRule';

export type { PackRule } from './kit/packRule';

/** What deployment and documentation need of a rule: its metadata (infra, conformance pack, docs). */
export interface RegisteredRule {
  readonly metadata: RuleMetadata<unknown>;
}

/**
 * Every rule in the pack, in catalogue order: the one registry that infra, the conformance pack,
 * docs, the CLI and tests map over. Add a rule with `registerRule(<rule>)` from `rules/kit`.
 */
export const allRules: readonly PackRule[] = [
  registerRule(sharedAmiUsesCustomerManagedKeyRule),
  registerRule(sharedAmiKeyGrantsConsumersRule),
  registerRule(kmsKeyGrantsImageConsumersRule),
  registerRule(amiConsumerRoleKmsAccessRule),
  registerRule(imagebuilderDistributionKeyShareableRule),
  registerRule(imagebuilderRecipeKeyShareableRule),
  registerRule(imagebuilderPipelineDistributionReadyRule),
  registerRule(ebsDefaultKeyShareableRule),
];
