import { z } from 'zod';
import type { RuleMetadata } from '../core/ruleMetadata';
import { DISTRIBUTION_CONFIGURATION } from './checkDistribution';
import type { SharedImageBuilderParams } from './sharedParameters';
import { sharedParameterShape, sharedParameterSpecs } from './sharedParameters';

export type DistributionKeyShareableParams = SharedImageBuilderParams;

export const parameterSchema: z.ZodType<DistributionKeyShareableParams, Record<string, unknown>> = z.object(
  sharedParameterShape,
);

export const metadata: RuleMetadata<DistributionKeyShareableParams> = {
  id: 'imagebuilder-distribution-key-shareable',
  title: 'Image Builder distribution keys can be shared with the target accounts',
  description:
    'For each Region of an Image Builder distribution that shares the AMI with other accounts: the KMS key is not the AWS managed key, exists and is enabled, admits the Image Builder service role and the target accounts.',
  severity: 'HIGH',
  scenarios: ['D2', 'D6', 'D12', 'G2'],
  trigger: {
    kind: 'hybrid',
    resourceTypes: [DISTRIBUTION_CONFIGURATION],
    maximumExecutionFrequency: 'TwentyFour_Hours',
  },
  evaluationResourceTypes: [DISTRIBUTION_CONFIGURATION, 'AWS::::Account'],
  parameters: sharedParameterSpecs,
  parameterSchema,
  remediation:
    'Use a customer managed key (never alias/aws/ebs) for every Region that has target accounts or launch permissions; enable it; give its policy the root kms:* delegation statement (or a statement for AWSServiceRoleForImageBuilder) and share it with each target account (and a target-owned key with the source account).',
};
