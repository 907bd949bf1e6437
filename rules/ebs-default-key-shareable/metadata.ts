import { z } from 'zod';
import type { RuleMetadata } from '../core/ruleMetadata';
import { param } from '../core/ruleParameters';

export interface EbsDefaultKeyShareableParams {
  /** Organization mode: the role the runtime assumes in each account. */
  readonly ExecutionRoleName?: string;
  /** Judge every account, not only those that share AMIs or run cross-account pipelines. */
  readonly JudgeAllAccounts: boolean;
}

export const parameterSchema: z.ZodType<EbsDefaultKeyShareableParams, Record<string, unknown>> = z.object({
  ExecutionRoleName: z.string().optional(),
  JudgeAllAccounts: param.boolean().default(false),
});

export const metadata: RuleMetadata<EbsDefaultKeyShareableParams> = {
  id: 'ebs-default-key-shareable',
  title: 'EBS encryption by default does not use the AWS managed key where AMIs are shared',
  description:
    'Per Region: when EBS encryption by default is on in an account that shares AMIs or runs cross-account Image Builder pipelines, its default key is a usable customer managed key, not alias/aws/ebs (which cannot be shared).',
  severity: 'MEDIUM',
  scenarios: ['D5', 'G2'],
  trigger: { kind: 'periodic', maximumExecutionFrequency: 'TwentyFour_Hours' },
  evaluationResourceTypes: ['AWS::::Account'],
  parameters: [
    {
      name: 'ExecutionRoleName',
      type: 'String',
      description:
        'Organization mode: the role (name or /path/name) the rule assumes in each member account.',
      required: false,
    },
    {
      name: 'JudgeAllAccounts',
      type: 'Boolean',
      description:
        'true: judge every account. false (default): only accounts that share an AMI (launch permissions or public) or run a pipeline distributing to other accounts.',
      default: 'false',
      required: false,
    },
  ],
  parameterSchema,
  remediation:
    'Create a customer managed key whose policy admits the accounts you share with, and make it the Region default: aws ec2 modify-ebs-default-kms-key-id --kms-key-id <key ARN>.',
};
