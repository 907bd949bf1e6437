import { z } from 'zod';
import type { RuleMetadata } from '../core/ruleMetadata';
import type { SharedImageBuilderParams } from '../imagebuilder-distribution-key-shareable/sharedParameters';
import {
  sharedParameterShape,
  sharedParameterSpecs,
} from '../imagebuilder-distribution-key-shareable/sharedParameters';

export const IMAGE_PIPELINE = 'AWS::ImageBuilder::ImagePipeline';

export type PipelineDistributionReadyParams = SharedImageBuilderParams;

export const parameterSchema: z.ZodType<PipelineDistributionReadyParams, Record<string, unknown>> = z.object(
  sharedParameterShape,
);

export const metadata: RuleMetadata<PipelineDistributionReadyParams> = {
  id: 'imagebuilder-pipeline-distribution-ready',
  title: 'Image Builder pipelines can distribute their encrypted AMIs to every target account',
  description:
    'End-to-end check of a pipeline that distributes to other accounts: recipe, parent image and distribution keys, the EBS default key, and in each target account the cross-account role, its policies and trust, and the Region.',
  severity: 'HIGH',
  scenarios: ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10', 'D11', 'D12', 'G2'],
  trigger: {
    kind: 'hybrid',
    resourceTypes: [IMAGE_PIPELINE],
    maximumExecutionFrequency: 'TwentyFour_Hours',
  },
  evaluationResourceTypes: [IMAGE_PIPELINE, 'AWS::::Account'],
  parameters: sharedParameterSpecs,
  parameterSchema,
  remediation:
    "Apply each finding's fix: customer managed keys instead of alias/aws/ebs; key policies that admit AWSServiceRoleForImageBuilder and every target account (both ways); in each target account, EC2ImageBuilderDistributionCrossAccountRole trusted by the source account, with Ec2ImageBuilderCrossAccountDistributionAccess and a KMS inline policy; the target Region enabled.",
};
