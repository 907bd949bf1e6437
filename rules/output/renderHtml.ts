import { createHash } from 'node:crypto';
import type { Finding } from '../core/finding';
import { SCENARIO_IDS } from '../core/ruleMetadata';
import { escapeHtml } from './escapeHtml';
import { flattenFindings } from './flattenFindings';
import { resourceNameOf, scenariosOf } from './findingText';
import { REPORT_CSS, REPORT_SCRIPT } from './htmlAssets';
import { barChartSvg, barData, scenarioGridSvg } from './htmlCharts';
import type { ScanResult } from './scanResult';
import { summarizeScan } from './summarizeScan';

export interface HtmlOptions {
  /** The page title. Default `ami-share-guard report`. */
  readonly title?: string;
}

function options(label: string, key: string, values: readonly string[]): string {
  const opts = values.map((v) => `<option value="${escapeHtml(v)}">${escapeHtml(v)}</option>`).join('');
  return `<select data-filter="${key}" aria-label="${escapeHtml(label)}"><option value="">${escapeHtml(label)}: all</option>${opts}</select>`;
}

function fixCell(f: Finding): string {
  if (!f.fix) return '';
  const summary = `<div>${escapeHtml(f.fix.summary)}</div>`;
  const { summary: _s, ...rest } = f.fix;
  if (Object.keys(rest).length === 0) return summary;
  return `${summary}<details><summary>fix JSON</summary><pre>${escapeHtml(JSON.stringify(rest, null, 2))}</pre></details>`;
}

function findingRow(f: Finding, parent: Finding | undefined, names: ScanResult['resourceNames']): string {
  const name = resourceNameOf(names, f);
  const scen = scenariosOf(f);
  const reasons = f.reasons
    .map((r) => `<li>${escapeHtml(r.message)} <span class="muted">${escapeHtml(r.code)}</span></li>`)
    .join('');
  const extra = [
    f.consumer ? `consumer ${f.consumer}` : '',
    f.missingActions?.length ? `missing ${f.missingActions.join(', ')}` : '',
  ].filter(Boolean);
  const text = [
    f.ruleId,
    f.accountId,
    f.region,
    f.resourceType,
    f.resourceId,
    name ?? '',
    f.compliance,
    scen.join(' '),
    ...f.reasons.map((r) => r.message),
    f.consumer ?? '',
    parent?.resourceId ?? '',
  ]
    .join(' ')
    .toLowerCase();
  return [
    `<tr class="${parent ? 'detail' : 'evaluation'}" data-compliance="${f.compliance}" data-rule="${escapeHtml(f.ruleId)}"`,
    ` data-account="${escapeHtml(f.accountId)}" data-region="${escapeHtml(f.region)}" data-scenarios="${scen.join(' ')}" data-text="${escapeHtml(text)}">`,
    `<td><span class="badge ${f.compliance}">${f.compliance.replace('_', ' ')}</span></td>`,
    `<td class="rule">${escapeHtml(f.ruleId)}</td>`,
    `<td>${escapeHtml(f.accountId)}<div class="muted">${escapeHtml(f.region)}</div></td>`,
    `<td>${name ? `<strong>${escapeHtml(name)}</strong><br>` : ''}<span class="res">${escapeHtml(f.resourceId)}</span><div class="muted">${escapeHtml(f.resourceType)}${parent ? ` in ${escapeHtml(parent.resourceId)}` : ''}</div></td>`,
    `<td>${scen.map((s) => `<span class="scen">${s}</span>`).join('')}</td>`,
    `<td><ul class="reasons">${reasons}</ul>${extra.length ? `<div class="muted">${escapeHtml(extra.join(' · '))}</div>` : ''}</td>`,
    `<td>${fixCell(f)}</td>`,
    '</tr>',
  ].join('');
}

/**
 * The HTML dashboard: one self-contained file (inline CSS, inline SVG charts, an inline script
 * allowed by its hash in the page's Content-Security-Policy; no external asset). Totals, charts by
 * rule, account and Region, the scenario grid, and a filterable table of findings with their
 * reasons and fixes (fix JSON in a `<details>`). Every value from the scan is HTML-escaped.
 */
export function renderHtml(scan: ScanResult, opts: HtmlOptions = {}): string {
  const title = opts.title ?? 'ami-share-guard report';
  const s = summarizeScan(scan);
  const e = s.evaluations;
  const order = { NON_COMPLIANT: 0, NOT_APPLICABLE: 1, COMPLIANT: 2 } as const;
  // Failures first (stable within each group); details stay under their evaluation.
  const flat = flattenFindings(
    scan.findings
      .map((f, i) => ({ f, i }))
      .sort((a, b) => order[a.f.compliance] - order[b.f.compliance] || a.i - b.i)
      .map(({ f }) => f),
  );
  const accountName = new Map(scan.accounts.map((a) => [a.id, a.name]));
  const scriptHash = createHash('sha256').update(REPORT_SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:`;
  const ruleChart = barChartSvg(
    'Evaluations by rule',
    s.byRule.map((r) => ({
      label: r.id,
      nonCompliant: r.NON_COMPLIANT,
      compliant: r.COMPLIANT,
      other: r.NOT_APPLICABLE,
    })),
  );
  const accountChart = barChartSvg(
    'Evaluations by account',
    barData(s.byAccount, (g) => (accountName.get(g.id) ? `${g.id} ${accountName.get(g.id)}` : g.id)),
  );
  const regionChart = barChartSvg(
    'Evaluations by Region',
    barData(s.byRegion, (g) => g.id),
  );
  const scenariosHit = s.byScenario.filter((x) => x.nonCompliant > 0).length;
  const legend =
    '<div class="legend"><span class="f">NON_COMPLIANT</span><span class="p">COMPLIANT</span><span class="o">other</span></div>';
  const ruleIds = s.byRule.map((r) => r.id);
  const accounts = s.byAccount.map((a) => a.id);
  const regions = s.byRegion.map((r) => r.id);
  const scenarioOptions = SCENARIO_IDS.filter((id) =>
    flat.some(({ finding }) => scenariosOf(finding).includes(id)),
  );
  const sourceText = scan.source.description ?? scan.source.kind;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><p>${escapeHtml(`${sourceText} · scanned ${scan.generatedAt} · ${scan.accounts.length} account(s), ${scan.regions.length} Region(s), ${scan.rules.length} rule(s)`)}</p></header>
<main>
<section class="cards">
<div class="card fail"><div class="n" id="total-non-compliant">${e.NON_COMPLIANT}</div><div class="l">NON_COMPLIANT evaluations</div></div>
<div class="card pass"><div class="n" id="total-compliant">${e.COMPLIANT}</div><div class="l">COMPLIANT evaluations</div></div>
<div class="card"><div class="n">${s.nonCompliantResources}</div><div class="l">resources to fix</div></div>
<div class="card"><div class="n">${scenariosHit} / ${SCENARIO_IDS.length}</div><div class="l">scenarios matched</div></div>
<div class="card"><div class="n">${scan.unknownFacts?.length ?? 0}</div><div class="l">facts unreadable</div></div>
</section>
<section class="charts">
<div class="panel"><h2>By rule</h2>${legend}${ruleChart}</div>
<div class="panel"><h2>Scenarios matched (NON_COMPLIANT findings per scenario)</h2>${scenarioGridSvg(s.byScenario)}</div>
<div class="panel"><h2>By account</h2>${legend}${accountChart}</div>
<div class="panel"><h2>By Region</h2>${legend}${regionChart}</div>
</section>
<section>
<div class="filters">
<input id="q" type="search" placeholder="Filter: resource, account, reason…" aria-label="Filter findings">
${options('Compliance', 'compliance', ['NON_COMPLIANT', 'COMPLIANT', 'NOT_APPLICABLE'])}
${options('Rule', 'rule', ruleIds)}
${options('Account', 'account', accounts)}
${options('Region', 'region', regions)}
${options('Scenario', 'scenarios', scenarioOptions)}
<span id="count"></span>
</div>
<table id="findings">
<colgroup><col class="c-status"><col class="c-rule"><col class="c-account"><col class="c-resource"><col class="c-scen"><col><col class="c-fix"></colgroup>
<thead><tr><th>status</th><th>rule</th><th>account</th><th>resource</th><th>scenarios</th><th>why</th><th>fix</th></tr></thead>
<tbody>
${flat.map(({ finding, parent }) => findingRow(finding, parent, scan.resourceNames)).join('\n')}
</tbody>
</table>
</section>
<footer>Generated by ${escapeHtml(`${scan.tool.name} ${scan.tool.version}`)}. Facts ${escapeHtml(scan.source.collectedAt ? `collected ${scan.source.collectedAt}` : 'as read at scan time')}.</footer>
</main>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
