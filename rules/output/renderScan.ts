import { renderAsff } from './renderAsff';
import { renderCsv } from './renderCsv';
import { renderHtml } from './renderHtml';
import { renderJson } from './renderJson';
import { renderMarkdown } from './renderMarkdown';
import { renderTable } from './renderTable';
import type { ScanResult } from './scanResult';

export const OUTPUT_FORMATS = ['table', 'json', 'csv', 'markdown', 'asff', 'html'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface RenderOptions {
  /** Table only: ANSI colors. */
  readonly color?: boolean;
  /** Table only: terminal width. */
  readonly width?: number;
  /** Table only: list COMPLIANT evaluations too. */
  readonly all?: boolean;
}

/** Each output format as text. ASFF is a JSON array of findings (what BatchImportFindings takes). */
export const RENDERERS: Readonly<Record<OutputFormat, (scan: ScanResult, options: RenderOptions) => string>> =
  {
    table: (scan, o) =>
      renderTable(scan, {
        ...(o.color !== undefined ? { color: o.color } : {}),
        ...(o.width ? { width: o.width } : {}),
      }),
    json: (scan) => renderJson(scan),
    csv: (scan) => renderCsv(scan),
    markdown: (scan) => renderMarkdown(scan),
    asff: (scan) => `${JSON.stringify(renderAsff(scan), null, 2)}\n`,
    html: (scan) => renderHtml(scan),
  };

export function renderScan(scan: ScanResult, format: OutputFormat, options: RenderOptions = {}): string {
  return RENDERERS[format](scan, options);
}
