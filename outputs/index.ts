export {
  complianceScan,
  createReportHandler,
  packRuleIdOf,
  publishReport,
  readAggregateCompliance,
  reportSettingsFrom,
} from './report/index';
export type { ReportHandlerOptions, ReportRunSummary, ReportSettings } from './report/index';
export { SecurityHubImportError, TokenBucket, createSecurityHubSink } from './securityhub/index';
export type { SecurityHubOutcome, SecurityHubRun, SecurityHubSinkOptions } from './securityhub/index';
