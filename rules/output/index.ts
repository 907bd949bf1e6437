export { SCAN_FORMAT_VERSION, FindingSchema, ScanResultSchema, parseScanResult } from './scanResult';
export type { ScanResult, ScanRuleInfo } from './scanResult';
export { flattenFindings, nonCompliantResources } from './flattenFindings';
export type { FlatFinding } from './flattenFindings';
export { summarizeScan } from './summarizeScan';
export type {
  ComplianceCounts,
  GroupSummary,
  RuleSummary,
  ScanSummary,
  ScenarioSummary,
} from './summarizeScan';
export { reasonsText, resourceLabel, scenariosOf } from './findingText';
export { renderJson } from './renderJson';
export { CSV_COLUMNS, csvField, renderCsv } from './renderCsv';
export { markdownCell, renderMarkdown } from './renderMarkdown';
export { renderTable } from './renderTable';
export type { TableOptions } from './renderTable';
export { ANSI_STYLE, PLAIN_STYLE, fit, stripAnsi, wrapText } from './textStyle';
export type { TextStyle } from './textStyle';
export {
  ASFF_LIMITS,
  ASFF_TYPE_PREFIX,
  asffFindingId,
  asffResourceId,
  remediationText,
  renderAsff,
} from './renderAsff';
export type { AsffOptions } from './renderAsff';
export { escapeHtml } from './escapeHtml';
export { renderHtml } from './renderHtml';
export type { HtmlOptions } from './renderHtml';
export { barChartSvg, scenarioGridSvg } from './htmlCharts';
export { createScanResult } from './createScanResult';
export type { CreateScanResultOptions } from './createScanResult';
export { RENDERERS, OUTPUT_FORMATS, renderScan } from './renderScan';
export type { OutputFormat, RenderOptions } from './renderScan';
