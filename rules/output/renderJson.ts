import type { ScanResult } from './scanResult';

/** The scan as pretty-printed JSON (what `report --input` reads back). */
export function renderJson(scan: ScanResult): string {
  return `${JSON.stringify(scan, null, 2)}\n`;
}
