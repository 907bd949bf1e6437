export { metadata, parameterSchema } from './metadata';
export type { KmsKeyGrantsImageConsumersParams } from './metadata';
export { evaluateKmsKeyGrantsImageConsumers } from './evaluate';
export { keyConsumers } from './keyConsumers';
export type { KeyConsumer, KeyConsumers } from './keyConsumers';
export { mergeKeyPolicyStatements } from './mergeKeyPolicyStatements';
export { applyKeyConfigurationItem } from './applyKeyConfigurationItem';
export { kmsKeyGrantsImageConsumersRule } from './rule';
