export { defaultProductArn, generatorIdFor, scanOfRun } from './asffFindings';
export type { AsffRenderer } from './asffFindings';
export {
  BATCH_IMPORT_MAX_BYTES,
  BATCH_IMPORT_MAX_FINDINGS,
  FINDING_MAX_BYTES,
  batchFindings,
  importFindings,
} from './importFindings';
export type { ImportFindingsOptions, ImportOutcome } from './importFindings';
export { activeFailedFindings, resolvedUpdate } from './resolveFindings';
export type { ActiveFindingsQuery } from './resolveFindings';
export { SecurityHubImportError } from './SecurityHubImportError';
export type { FailedImport } from './SecurityHubImportError';
export {
  BATCH_IMPORT_RATE_PER_SECOND,
  GET_FINDINGS_RATE_PER_SECOND,
  createSecurityHubSink,
} from './securityHubSink';
export type { SecurityHubOutcome, SecurityHubRun, SecurityHubSinkOptions } from './securityHubSink';
export { TokenBucket } from './TokenBucket';
export type { TokenBucketOptions } from './TokenBucket';
