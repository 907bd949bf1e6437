export { complianceScan } from './complianceScan';
export type { ComplianceScanOptions } from './complianceScan';
export { createReportHandler } from './createReportHandler';
export type { ReportHandlerOptions, ReportRunSummary } from './createReportHandler';
export { packRuleIdOf } from './packRuleIdOf';
export { publishReport, reportKeyBase, reportNotice } from './publishReport';
export type { PublishReportOptions, PublishedReport, RenderedReport } from './publishReport';
export {
  AGGREGATE_DETAILS_LIMIT,
  DESCRIBE_AGGREGATE_COMPLIANCE_LIMIT,
  readAggregateCompliance,
} from './readAggregateCompliance';
export type {
  AggregateCompliance,
  DeployedRule,
  ReadAggregateComplianceOptions,
  RuleResults,
} from './readAggregateCompliance';
export { PACK_RULES_VARIABLE, packRulesVariable, reportSettingsFrom } from './reportSettings';
export type { ReportSettings } from './reportSettings';
