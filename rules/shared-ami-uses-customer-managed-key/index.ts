export { metadata, parameterSchema } from './metadata';
export type { SharedAmiUsesCustomerManagedKeyParams } from './metadata';
export { evaluateSharedAmiUsesCustomerManagedKey } from './evaluate';
export { sharedAmiUsesCustomerManagedKeyRule } from './rule';
export {
  ACCOUNT_RESOURCE_TYPE,
  IMAGE_RESOURCE_TYPE,
  amiFinding,
  amiRuleFindings,
  describeLaunchPermission,
  scenariosOf,
  sharingOf,
} from './amiFindings';
export { keyUnusable, lookUpKey, shortKey } from './keyUsability';
export type { KeyLookup } from './keyUsability';
export { foreignSnapshotKeyTargets } from './snapshotKeyTargets';
export {
  EXCLUDE_AMI_TAG_SPEC,
  EXECUTION_ROLE_NAME_SPEC,
  IGNORED_CONSUMER_ACCOUNTS_SPEC,
  PER_AMI_EVALUATIONS_SPEC,
  launchParam,
  matchesTag,
} from './launchRuleParameters';
export type { GlobPattern, TagFilter } from './launchRuleParameters';
