export { metadata, parameterSchema } from './metadata';
export type { SharedAmiKeyGrantsConsumersParams } from './metadata';
export { evaluateSharedAmiKeyGrantsConsumers } from './evaluate';
export { sharedAmiKeyGrantsConsumersRule } from './rule';
export {
  consumerLabel,
  consumerRef,
  launchPermissionConfigurationGroups,
  launchPermissionGroups,
  orgIdOfArn,
  ouOfArn,
} from './consumerGroups';
export type { ConsumerGroup } from './consumerGroups';
export { judgeKeyConsumer } from './judgeKeyConsumer';
export type { ConsumerVerdict } from './judgeKeyConsumer';
export { keyPolicyOf } from './keyPolicyOf';
export type { KeyPolicyLookup } from './keyPolicyOf';
