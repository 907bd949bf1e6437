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
  /** Organization ids AMIs may be shared with (empty: not checked). */
  readonly trustedOrganizationIds: readonly string[];
}

const ORG_ID = /^o-[a-z0-9]{10,32}$/;

export const parameterSchema = z
  .object({
    ExecutionRoleName: launchParam.executionRoleName(),
    PerAmiEvaluations: launchParam.boolean(),
    ExcludeAmiTag: launchParam.tag(),
    IgnoredConsumerAccounts: launchParam.accountIds(),
    TrustedOrganizationIds: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const ids = [
          ...new Set(
            (v ?? '')
              .split(',')
              .map((s) => s.trim())
              .filter((s) => s !== ''),
          ),
        ];
        const bad = ids.find((id) => !ORG_ID.test(id));
        if (bad !== undefined) {
          ctx.addIssue({
            code: 'custom',
            message: `expected organization ids (o-…), but ${JSON.stringify(bad)} is not one`,
          });
          return z.NEVER;
        }
        return ids;
      }),
  })
  .transform((raw): SharedAmiKeyGrantsConsumersParams => ({
    perAmiEvaluations: raw.PerAmiEvaluations ?? false,
    excludeAmiTag: raw.ExcludeAmiTag,
    ignoredConsumerAccounts: raw.IgnoredConsumerAccounts ?? [],
    trustedOrganizationIds: raw.TrustedOrganizationIds,
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
    {
      name: 'TrustedOrganizationIds',
      type: 'CSV',
      description:
        'Organization ids (o-…) AMIs may be shared with. When set, an organization or OU launch permission of another organization, or an account outside the (read) organization when that organization is trusted, is NON_COMPLIANT.',
      required: false,
    },
  ],
  parameterSchema,
  remediation:
    'Add the consumer to the key policy of each snapshot key, as the findings propose: an "Allow use of the key" statement (kms:Decrypt, kms:DescribeKey, kms:ReEncrypt*, kms:GenerateDataKey*) and an "Allow attachment of persistent resources" statement (kms:CreateGrant with kms:GrantIsForAWSResource = true), naming the account root ARN, or Principal "*" with aws:PrincipalOrgID / aws:PrincipalOrgPaths for organization and OU shares. Replace unique-id principals (AROA…, AIDA…) with the role ARN. The consumer account must also allow its launching roles on the key (ami-consumer-role-kms-access). A key policy that names roles or users of a consumer account (not its root) for every launch action, with no Deny on them, is deliberate: COMPLIANT, with a KEY_POLICY_NAMES_PRINCIPALS note naming them (only they may launch; ami-consumer-role-kms-access judges every launching role).',
};
