import { z } from 'zod';
import type { RuleMetadata } from '../core/ruleMetadata';
import type { GlobPattern, TagFilter } from '../shared-ami-uses-customer-managed-key/launchRuleParameters';
import {
  EXECUTION_ROLE_NAME_SPEC,
  launchParam,
} from '../shared-ami-uses-customer-managed-key/launchRuleParameters';

export interface AmiConsumerRoleKmsAccessParams {
  /** Only roles whose name matches one of these globs (empty: every role). */
  readonly roleNamePatterns: readonly GlobPattern[];
  /** Only roles carrying this tag (absent: every role). */
  readonly roleTag: TagFilter | undefined;
  /** Further Regions whose shared AMIs count (the rule's own Region always does). */
  readonly regions: readonly string[];
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

export const parameterSchema = z
  .object({
    ExecutionRoleName: launchParam.executionRoleName(),
    RoleNamePatterns: launchParam.globs(),
    RoleTag: launchParam.tag(),
    SharedAmiRegions: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const regions = (v ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
        const bad = regions.find((r) => !REGION.test(r));
        if (bad !== undefined) {
          ctx.addIssue({
            code: 'custom',
            message: `expected a comma-separated list of Regions, but ${JSON.stringify(bad)} is not one`,
          });
          return z.NEVER;
        }
        return [...new Set(regions)];
      }),
  })
  .transform((raw): AmiConsumerRoleKmsAccessParams => ({
    roleNamePatterns: raw.RoleNamePatterns ?? [],
    roleTag: raw.RoleTag,
    regions: raw.SharedAmiRegions,
  }));

export const metadata: RuleMetadata<AmiConsumerRoleKmsAccessParams> = {
  id: 'ami-consumer-role-kms-access',
  title: 'Roles that launch shared encrypted AMIs may use their foreign keys',
  description:
    'In an account that receives shared encrypted AMIs, each IAM role allowed ec2:RunInstances has identity-policy permissions on every foreign KMS key those AMIs use; the key policy is judged too where it can be read.',
  severity: 'MEDIUM',
  scenarios: ['L3', 'L1', 'L2', 'G2'],
  trigger: {
    kind: 'hybrid',
    resourceTypes: ['AWS::IAM::Role'],
    maximumExecutionFrequency: 'TwentyFour_Hours',
  },
  evaluationResourceTypes: ['AWS::IAM::Role', 'AWS::::Account'],
  parameters: [
    EXECUTION_ROLE_NAME_SPEC,
    {
      name: 'RoleNamePatterns',
      type: 'CSV',
      description:
        'Only judge roles whose name matches one of these globs (`*`, `?`), e.g. `app-*,ci-launcher`. Empty: every role that may launch instances.',
      required: false,
    },
    {
      name: 'RoleTag',
      type: 'String',
      description: 'Only judge roles carrying this tag (`key=value`, or `key` for any value).',
      required: false,
    },
    {
      name: 'SharedAmiRegions',
      type: 'CSV',
      description:
        'IAM is global: deploy this rule in ONE Region. It reads the AMIs shared with the account in that Region and in these further Regions (e.g. `eu-west-1,us-east-1`).',
      required: false,
    },
  ],
  parameterSchema,
  remediation:
    "Attach to each launching role an identity policy like the article's KmsKeyUsagePolicy, allowing kms:Decrypt, kms:DescribeKey, kms:ReEncrypt*, kms:GenerateDataKey* and kms:CreateGrant (with kms:GrantIsForAWSResource = true) on the foreign key ARNs. Cross-account KMS needs both sides: the key owner must also name this account in the key policy. Deploy this rule in one Region only (IAM is global); list the other Regions in SharedAmiRegions.",
};
