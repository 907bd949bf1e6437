import { z } from 'zod';
import type { RuleMetadata } from '../core/ruleMetadata';
import type { TagFilter } from './launchRuleParameters';
import {
  EXCLUDE_AMI_TAG_SPEC,
  EXECUTION_ROLE_NAME_SPEC,
  PER_AMI_EVALUATIONS_SPEC,
  launchParam,
} from './launchRuleParameters';

export interface SharedAmiUsesCustomerManagedKeyParams {
  readonly perAmiEvaluations: boolean;
  readonly excludeAmiTag: TagFilter | undefined;
  /** Public AMIs whose snapshots are all unencrypted are acceptable (default true). */
  readonly allowPublic: boolean;
}

export const parameterSchema = z
  .object({
    ExecutionRoleName: launchParam.executionRoleName(),
    PerAmiEvaluations: launchParam.boolean(),
    ExcludeAmiTag: launchParam.tag(),
    AllowPublicUnencrypted: launchParam.boolean(),
  })
  .transform((raw): SharedAmiUsesCustomerManagedKeyParams => ({
    perAmiEvaluations: raw.PerAmiEvaluations ?? false,
    excludeAmiTag: raw.ExcludeAmiTag,
    allowPublic: raw.AllowPublicUnencrypted ?? true,
  }));

export const metadata: RuleMetadata<SharedAmiUsesCustomerManagedKeyParams> = {
  id: 'shared-ami-uses-customer-managed-key',
  title: 'Shared AMIs use enabled customer managed keys',
  description:
    'Every AMI the account owns and shares (accounts, organizations, OUs, public) has every snapshot encrypted with an enabled customer managed KMS key, or is unencrypted (and, when public, public AMIs are allowed).',
  severity: 'HIGH',
  scenarios: ['G1', 'G2'],
  trigger: { kind: 'periodic', maximumExecutionFrequency: 'TwentyFour_Hours' },
  evaluationResourceTypes: ['AWS::::Account', 'AWS::EC2::Image'],
  parameters: [
    EXECUTION_ROLE_NAME_SPEC,
    PER_AMI_EVALUATIONS_SPEC,
    EXCLUDE_AMI_TAG_SPEC,
    {
      name: 'AllowPublicUnencrypted',
      type: 'Boolean',
      description:
        'Whether a public AMI whose snapshots are all unencrypted is acceptable. `false` reports public AMIs as NON_COMPLIANT.',
      default: 'true',
      required: false,
    },
  ],
  parameterSchema,
  remediation:
    'Snapshots encrypted with the AWS managed key (alias/aws/ebs) cannot be shared: copy the AMI with CopyImage, Encrypted=true and a customer managed KmsKeyId, share the copy and stop sharing the original. Encrypted AMIs cannot be public. Re-enable a disabled key (EnableKey) or cancel its deletion (CancelKeyDeletion), or re-encrypt the AMI with an enabled key.',
};
