import { z } from 'zod';
import type { RuleMetadata } from '../core/ruleMetadata';
import {
  EXECUTION_ROLE_NAME_SPEC,
  IGNORED_CONSUMER_ACCOUNTS_SPEC,
  launchParam,
} from '../shared-ami-uses-customer-managed-key/launchRuleParameters';

export interface KmsKeyGrantsImageConsumersParams {
  /** Key ids, key ARNs or alias names not to evaluate. */
  readonly excludedKeys: readonly string[];
  readonly ignoredConsumerAccounts: readonly string[];
}

export const parameterSchema = z
  .object({
    ExecutionRoleName: launchParam.executionRoleName(),
    ExcludedKeys: z
      .string()
      .optional()
      .transform((v) =>
        (v ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      ),
    IgnoredConsumerAccounts: launchParam.accountIds(),
  })
  .transform((raw): KmsKeyGrantsImageConsumersParams => ({
    excludedKeys: raw.ExcludedKeys,
    ignoredConsumerAccounts: raw.IgnoredConsumerAccounts ?? [],
  }));

export const metadata: RuleMetadata<KmsKeyGrantsImageConsumersParams> = {
  id: 'kms-key-grants-image-consumers',
  title: 'KMS keys grant every account that consumes their images',
  description:
    'For each KMS key, every account that consumes it (AMIs shared from the account whose snapshots use it, Image Builder distributions configured with it) is granted by the key policy, and the key is enabled.',
  severity: 'HIGH',
  scenarios: ['L1', 'L2', 'G1', 'G2', 'G3', 'D12'],
  trigger: {
    kind: 'hybrid',
    resourceTypes: ['AWS::KMS::Key'],
    maximumExecutionFrequency: 'TwentyFour_Hours',
  },
  evaluationResourceTypes: ['AWS::KMS::Key', 'AWS::::Account'],
  parameters: [
    EXECUTION_ROLE_NAME_SPEC,
    {
      name: 'ExcludedKeys',
      type: 'CSV',
      description: 'Keys not to evaluate: key ids, key ARNs or alias names (alias/…).',
      required: false,
    },
    IGNORED_CONSUMER_ACCOUNTS_SPEC,
  ],
  parameterSchema,
  remediation:
    'Edit the key policy as the finding proposes: "Allow use of the key" and "Allow attachment of persistent resources" statements for each consumer account (root ARN), or Principal "*" with aws:PrincipalOrgID / aws:PrincipalOrgPaths for organization and OU shares; Image Builder target accounts need the same. Replace unique-id principals (AROA…, AIDA…) with the role ARN. Re-enable a disabled key or cancel its deletion. AMIs on the AWS managed key must be copied onto a customer managed key before sharing. A key policy that names roles or users of a consumer account (not its root) for every launch action, with no Deny on them, is deliberate: COMPLIANT, with a KEY_POLICY_NAMES_PRINCIPALS note naming them (only they may launch; ami-consumer-role-kms-access judges every launching role). For an Image Builder target account only its EC2ImageBuilderDistributionCrossAccountRole counts.',
};
