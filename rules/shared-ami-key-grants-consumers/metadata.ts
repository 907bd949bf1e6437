import { z } from 'zod';
import type { RuleMetadata } from '../core/ruleMetadata';
import type { TagFilter } from '../shared-ami-uses-customer-managed-key/launchRuleParameters';
import {
  EXCLUDE_AMI_TAG_SPEC,
  EXECUTION_ROLE_NAME_SPEC,
  IGNORED_CONSUMER_ACCOUNTS_SPEC,
  PER_AMI_EVALUATIONS_SPEC,
  launchParam,
} from '../shared-ami-uses-customer-managed-key/launchRuleParameters';

export interface SharedAmiKeyGrantsConsumersParams {
  readonly perAmiEvaluations: boolean;
  readonly excludeAmiTag: TagFilter | undefined;
  readonly ignoredConsumerAccounts: readonly string[];
}

export const parameterSchema = z
  .object({
    ExecutionRoleName: launchParam.executionRoleName(),
    PerAmiEvaluations: launchParam.boolean(),
    ExcludeAmiTag: launchParam.tag(),
    IgnoredConsumerAccounts: launchParam.accountIds(),
  })
  .transform((raw): SharedAmiKeyGrantsConsumersParams => ({
    perAmiEvaluations: raw.PerAmiEvaluations ?? false,
    excludeAmiTag: raw.ExcludeAmiTag,
    ignoredConsumerAccounts: raw.IgnoredConsumerAccounts ?? [],
  }));

export const metadata: RuleMetadata<SharedAmiKeyGrantsConsumersParams> = {
  id: 'shared-ami-key-grants-consumers',
  title: 'Keys of shared AMIs let every consumer launch',
  description:
    'For each shared AMI and each key of its snapshots, the key policy lets every consumer (account, organization or OU member) launch: Decrypt, DescribeKey, ReEncryptFrom, GenerateDataKeyWithoutPlaintext, CreateGrant.',
  severity: 'HIGH',
  scenarios: ['L1', 'L2', 'G1', 'G2', 'G3'],
  trigger: { kind: 'periodic', maximumExecutionFrequency: 'TwentyFour_Hours' },
  evaluationResourceTypes: ['AWS::::Account', 'AWS::EC2::Image'],
  parameters: [
    EXECUTION_ROLE_NAME_SPEC,
    PER_AMI_EVALUATIONS_SPEC,
    EXCLUDE_AMI_TAG_SPEC,
    IGNORED_CONSUMER_ACCOUNTS_SPEC,
  ],
  parameterSchema,
  remediation:
    'Add the consumer to the key policy of each snapshot key, as the findings propose: an "Allow use of the key" statement (kms:Decrypt, kms:DescribeKey, kms:ReEncrypt*, kms:GenerateDataKey*) and an "Allow attachment of persistent resources" statement (kms:CreateGrant with kms:GrantIsForAWSResource = true), naming the account root ARN, or Principal "*" with aws:PrincipalOrgID / aws:PrincipalOrgPaths for organization and OU shares. Replace unique-id principals (AROA…, AIDA…) with the role ARN. The consumer account must also allow its launching roles on the key (ami-consumer-role-kms-access).',
};
