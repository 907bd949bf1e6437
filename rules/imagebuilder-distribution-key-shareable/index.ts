export { metadata, parameterSchema } from './metadata';
export type { DistributionKeyShareableParams } from './metadata';
export { evaluateDistributionKeyShareable } from './evaluate';
export { imagebuilderDistributionKeyShareableRule } from './rule';
export {
  DISTRIBUTION_CONFIGURATION,
  checkDistributionConfiguration,
  distributionSharing,
  hasLaunchPermission,
  isExcludedKey,
  sharesBeyondAccount,
  sharingDistributions,
} from './checkDistribution';
export type { DistributionKeys, DistributionSharing, SharingOptions } from './checkDistribution';
export { addDistributionDependencies, distributionDependencies, TargetSet } from './dependencies';
export {
  KMS_KEY,
  keyPolicyOf,
  keyReferenceProblems,
  keySharingProblems,
  keySubject,
  organizationOf,
} from './keyProblems';
export type { SharingPurpose } from './keyProblems';
export {
  FACT_UNREADABLE,
  MAX_REASON_MESSAGE,
  actionList,
  clampMessage,
  findingFor,
  notApplicableFinding,
  shortKey,
  uniqueProblems,
} from './problem';
export type { FindingResource, Problem, ProblemSubject } from './problem';
export { isAwsManagedAliasRef, keyOwner, keyRegion, keyUsable, resolveKmsKey } from './resolveKmsKey';
export type { KeyResolution } from './resolveKmsKey';
export { imageBuilderFactsOf, inScope, reportedId } from './scopeHelpers';
export { sharedParameterShape, sharedParameterSpecs, sharingOptionsOf } from './sharedParameters';
export type { SharedImageBuilderParams } from './sharedParameters';
export { applyImageBuilderItem } from './applyImageBuilderItem';
