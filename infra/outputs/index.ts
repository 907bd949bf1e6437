export { ComplianceReport, PACK_RULES_MAX_BYTES, REPORT_AGGREGATOR_ACTIONS } from './ComplianceReport';
export type { ComplianceReportProps, ReportAggregator } from './ComplianceReport';
export {
  SECURITY_HUB_IMPORT_PARAMETER,
  securityHubImportStatements,
  withSecurityHubImport,
} from './securityHubImportStatements';
