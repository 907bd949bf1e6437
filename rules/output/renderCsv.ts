import { flattenFindings } from './flattenFindings';
import { reasonsText, scenariosOf } from './findingText';
import type { ScanResult } from './scanResult';

export const CSV_COLUMNS = [
  'ruleId',
  'severity',
  'accountId',
  'region',
  'resourceType',
  'resourceId',
  'parentResourceId',
  'compliance',
  'scenarios',
  'consumer',
  'missingActions',
  'reasons',
  'fix',
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a leading `=`, `+`,
 * `-`, `@`, tab or carriage return is prefixed with `'` so spreadsheets do not run it as a formula.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * One row per evaluation and one per detail (per-AMI findings carry their evaluation's resource id
 * in `parentResourceId`). CRLF line ends, a header row.
 */
export function renderCsv(scan: ScanResult): string {
  const severityOf = new Map(scan.rules.map((r) => [r.id, r.severity]));
  const rows = flattenFindings(scan.findings).map(({ finding: f, parent }) => [
    f.ruleId,
    severityOf.get(f.ruleId) ?? '',
    f.accountId,
    f.region,
    f.resourceType,
    f.resourceId,
    parent?.resourceId ?? '',
    f.compliance,
    scenariosOf(f).join(' '),
    f.consumer ?? '',
    (f.missingActions ?? []).join(' '),
    reasonsText(f),
    f.fix?.summary ?? '',
  ]);
  return [[...CSV_COLUMNS], ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
