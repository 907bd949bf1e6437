export { IMAGE_PIPELINE, metadata, parameterSchema } from './metadata';
export type { PipelineDistributionReadyParams } from './metadata';
export { checkPipeline, evaluatePipelineDistributionReady } from './evaluate';
export {
  CROSS_ACCOUNT_MANAGED_POLICY,
  CROSS_ACCOUNT_ROLE_NAME,
  checkTargetAccount,
  crossAccountKmsPolicy,
  crossAccountTrustPolicy,
  managedPolicyArn,
} from './checkTargetAccount';
export type { TargetCheckInput } from './checkTargetAccount';
export { PIPELINE_FAMILIES, pipelineDependencies } from './dependencies';
export { imagebuilderPipelineDistributionReadyRule } from './rule';
