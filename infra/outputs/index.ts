export { ComplianceReport, REPORT_AGGREGATOR_ACTIONS } from './ComplianceReport';
export type { ComplianceReportProps, ReportAggregator } from './ComplianceReport';
export { securityHubImportStatements } from './securityHubImportStatements';
