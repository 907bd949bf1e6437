import { escapeHtml } from './escapeHtml';
import type { GroupSummary, ScenarioSummary } from './summarizeScan';

export interface BarDatum {
  readonly label: string;
  readonly nonCompliant: number;
  readonly compliant: number;
  readonly other: number;
}

export const CHART_COLORS = { fail: '#d13212', pass: '#1d8102', other: '#8d99a8' } as const;

/**
 * A horizontal stacked bar chart (NON_COMPLIANT, COMPLIANT, other) as inline SVG, with a `<title>`
 * per bar for hover text and the counts written next to each bar.
 */
export function barChartSvg(title: string, data: readonly BarDatum[]): string {
  const labelWidth = 300;
  const barWidth = 260;
  const rowHeight = 24;
  const height = data.length * rowHeight + 8;
  const max = Math.max(1, ...data.map((d) => d.nonCompliant + d.compliant + d.other));
  const rows = data.map((d, i) => {
    const y = i * rowHeight + 4;
    const w = (n: number) => (n / max) * barWidth;
    const x1 = labelWidth;
    const x2 = x1 + w(d.nonCompliant);
    const x3 = x2 + w(d.compliant);
    const total = d.nonCompliant + d.compliant + d.other;
    const label = d.label.length > 44 ? `${d.label.slice(0, 43)}…` : d.label;
    return [
      `<g><title>${escapeHtml(`${d.label}: ${d.nonCompliant} NON_COMPLIANT, ${d.compliant} COMPLIANT${d.other ? `, ${d.other} other` : ''}`)}</title>`,
      `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" class="chart-label">${escapeHtml(label)}</text>`,
      d.nonCompliant
        ? `<rect x="${x1}" y="${y}" width="${w(d.nonCompliant).toFixed(1)}" height="18" fill="${CHART_COLORS.fail}" rx="2"/>`
        : '',
      d.compliant
        ? `<rect x="${x2.toFixed(1)}" y="${y}" width="${w(d.compliant).toFixed(1)}" height="18" fill="${CHART_COLORS.pass}" rx="2"/>`
        : '',
      d.other
        ? `<rect x="${x3.toFixed(1)}" y="${y}" width="${w(d.other).toFixed(1)}" height="18" fill="${CHART_COLORS.other}" rx="2"/>`
        : '',
      `<text x="${(x1 + w(total) + 6).toFixed(1)}" y="${y + 14}" class="chart-count">${d.nonCompliant} / ${total}</text>`,
      '</g>',
    ].join('');
  });
  return [
    `<svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${labelWidth + barWidth + 70} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">`,
    `<title>${escapeHtml(title)}</title>`,
    ...rows,
    '</svg>',
  ].join('');
}

export function barData(groups: readonly GroupSummary[], labelOf: (g: GroupSummary) => string): BarDatum[] {
  return groups.map((g) => ({
    label: labelOf(g),
    nonCompliant: g.NON_COMPLIANT,
    compliant: g.COMPLIANT,
    other: g.NOT_APPLICABLE,
  }));
}

/** The scenario catalogue as a grid of tiles: red when matched by a NON_COMPLIANT finding. */
export function scenarioGridSvg(scenarios: readonly ScenarioSummary[]): string {
  const cols = 9;
  const size = 58;
  const gap = 8;
  const rows = Math.ceil(scenarios.length / cols);
  const tiles = scenarios.map((s, i) => {
    const x = (i % cols) * (size + gap);
    const y = Math.floor(i / cols) * (size + gap);
    const hit = s.nonCompliant > 0;
    const fill = hit ? CHART_COLORS.fail : s.coveredBy.length > 0 ? '#e9f5e6' : '#eef0f3';
    const ink = hit ? '#ffffff' : '#1b2631';
    const tip = `${s.id}: ${s.nonCompliant} NON_COMPLIANT finding(s); rules: ${s.coveredBy.join(', ') || 'none ran'}`;
    return [
      `<g class="scenario-tile" data-scenario="${s.id}"><title>${escapeHtml(tip)}</title>`,
      `<rect x="${x}" y="${y}" width="${size}" height="${size}" rx="6" fill="${fill}" stroke="#c9d1d9"/>`,
      `<text x="${x + size / 2}" y="${y + 26}" text-anchor="middle" fill="${ink}" class="tile-id">${s.id}</text>`,
      `<text x="${x + size / 2}" y="${y + 45}" text-anchor="middle" fill="${ink}" class="tile-count">${s.nonCompliant}</text>`,
      '</g>',
    ].join('');
  });
  const width = cols * (size + gap);
  const height = rows * (size + gap);
  return `<svg role="img" aria-label="Scenarios matched" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">${tiles.join('')}</svg>`;
}
