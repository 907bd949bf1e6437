import type { Finding } from '../core/finding';
import { reasonsText, resourceNameOf, scenariosOf } from './findingText';
import type { ScanResult } from './scanResult';
import { summarizeScan } from './summarizeScan';
import type { TextStyle } from './textStyle';
import { ANSI_STYLE, PLAIN_STYLE, fit, wrapText } from './textStyle';

export interface TableOptions {
  /** ANSI colors (the CLI turns them on only on a TTY without NO_COLOR). Default false. */
  readonly color?: boolean;
  /** Terminal width; lines never exceed it. Default 80, minimum 60. */
  readonly width?: number;
  /** List COMPLIANT evaluations and details too (otherwise counted per rule). Default false. */
  readonly showCompliant?: boolean;
}

const MARK = { COMPLIANT: 'PASS', NON_COMPLIANT: 'FAIL', NOT_APPLICABLE: 'N/A ' } as const;

function mark(f: Finding, style: TextStyle): string {
  const m = MARK[f.compliance];
  return f.compliance === 'NON_COMPLIANT'
    ? style.red(m)
    : f.compliance === 'COMPLIANT'
      ? style.green(m)
      : style.dim(m);
}

function resourceName(f: Finding, names: Readonly<Record<string, string>> | undefined): string {
  const type =
    f.resourceType === 'AWS::::Account'
      ? 'account'
      : f.resourceType === 'AWS::EC2::Image'
        ? 'AMI'
        : f.resourceType.replace(/^AWS::/, '');
  const id = f.resourceId.startsWith('arn:')
    ? (f.resourceId.split(/[:/]/).slice(-1)[0] ?? f.resourceId)
    : f.resourceId;
  const name = resourceNameOf(names, f);
  return name && name !== id ? `${type} ${name} (${id})` : `${type} ${id}`;
}

interface LineContext {
  readonly width: number;
  readonly style: TextStyle;
  readonly showCompliant: boolean;
  readonly names: Readonly<Record<string, string>> | undefined;
}

function findingLines(f: Finding, indent: number, c: LineContext): string[] {
  const { width, style } = c;
  const pad = ' '.repeat(indent);
  const scen = scenariosOf(f).join(' ');
  const where = `${f.accountId} ${f.region}`;
  const head = `${pad}${mark(f, style)} ${where}  `;
  const headLen = indent + 5 + where.length + 2;
  const room = width - headLen - (scen ? scen.length + 1 : 0);
  const lines = [
    `${head}${fit(resourceName(f, c.names), Math.max(8, room))}${scen ? ` ${style.yellow(scen)}` : ''}`,
  ];
  const details = f.details ?? [];
  if (f.compliance !== 'COMPLIANT' && f.reasons.length > 0) {
    // An evaluation with details: its first reason is the summary; the details say the rest.
    const text = details.length > 0 ? (f.reasons[0]?.message ?? '') : reasonsText(f);
    for (const l of wrapText(text, width - indent - 5).slice(0, 4)) lines.push(`${pad}     ${style.dim(l)}`);
    if (f.fix?.summary && details.length === 0)
      for (const l of wrapText(`fix: ${f.fix.summary}`, width - indent - 5).slice(0, 2))
        lines.push(`${pad}     ${l}`);
  }
  let hidden = 0;
  for (const d of details) {
    // A detail that repeats its evaluation (same resource, same verdict) adds nothing on a terminal.
    if (d.resourceType === f.resourceType && d.resourceId === f.resourceId && d.compliance === f.compliance)
      continue;
    if (!c.showCompliant && d.compliance === 'COMPLIANT') {
      hidden++;
      continue;
    }
    lines.push(...findingLines(d, indent + 2, c));
  }
  if (hidden > 0) lines.push(style.dim(fit(`${pad}  ${hidden} COMPLIANT detail(s) not shown`, width)));
  return lines;
}

/**
 * The terminal view: a summary first (totals, NON_COMPLIANT by rule with scenario IDs), then the
 * findings grouped by rule, failures first, each with its reasons and fix in one or two lines.
 * Every line fits `width` (80 by default).
 */
export function renderTable(scan: ScanResult, options: TableOptions = {}): string {
  const width = Math.max(60, options.width ?? 80);
  const style = options.color ? ANSI_STYLE : PLAIN_STYLE;
  const showCompliant = options.showCompliant ?? false;
  const context: LineContext = { width, style, showCompliant, names: scan.resourceNames };
  const summary = summarizeScan(scan);
  const e = summary.evaluations;
  const out: string[] = [];
  const source = scan.source.description ?? scan.source.kind;
  out.push(style.bold(fit(`ami-share-guard: ${source}`, width)));
  out.push(
    fit(
      `${scan.accounts.length} account(s), ${scan.regions.length} Region(s), ${scan.rules.length} rule(s), ${e.total} evaluation(s)`,
      width,
    ),
  );
  const verdict =
    e.NON_COMPLIANT > 0 ? style.red(`${e.NON_COMPLIANT} NON_COMPLIANT`) : style.green('0 NON_COMPLIANT');
  out.push(
    `${verdict}, ${e.COMPLIANT} COMPLIANT${e.NOT_APPLICABLE ? `, ${e.NOT_APPLICABLE} NOT_APPLICABLE` : ''}; ${summary.nonCompliantResources} resource(s) to fix`,
  );
  const matched = summary.byScenario.filter((x) => x.nonCompliant > 0).map((x) => x.id);
  out.push(
    fit(
      matched.length > 0
        ? `Scenarios (${matched.length}/${summary.byScenario.length}): ${matched.join(' ')}`
        : 'Scenarios: none matched',
      width,
    ),
  );
  const failing = summary.byRule.filter((r) => r.NON_COMPLIANT > 0);
  if (failing.length > 0) {
    out.push('', style.bold('NON_COMPLIANT by rule'));
    const idWidth = Math.min(42, Math.max(...failing.map((r) => r.id.length)));
    for (const r of failing) {
      const left = `  ${fit(r.id, idWidth).padEnd(idWidth)} ${String(r.NON_COMPLIANT).padStart(3)}  `;
      const [first = '', ...more] = wrapText(r.scenarios.join(' '), Math.max(8, width - left.length));
      out.push(`${left}${style.yellow(first)}`);
      for (const line of more) out.push(`${' '.repeat(left.length)}${style.yellow(line)}`);
    }
  }
  if (scan.unknownFacts?.length) {
    out.push('', style.bold(`Facts that could not be read (${scan.unknownFacts.length})`));
    for (const u of scan.unknownFacts.slice(0, 10)) out.push(`  ${fit(u, width - 2)}`);
    if (scan.unknownFacts.length > 10) out.push(`  … and ${scan.unknownFacts.length - 10} more`);
  }
  const order = { NON_COMPLIANT: 0, NOT_APPLICABLE: 1, COMPLIANT: 2 } as const;
  for (const rule of summary.byRule) {
    const all = scan.findings.filter((f) => f.ruleId === rule.id);
    const shown = all
      .filter((f) => showCompliant || f.compliance !== 'COMPLIANT')
      .sort((a, b) => order[a.compliance] - order[b.compliance]);
    if (all.length === 0) continue;
    out.push('', style.bold(fit(`── ${rule.id} (${rule.severity}) `, width).padEnd(width, '─')));
    for (const f of shown) out.push(...findingLines(f, 0, context));
    const hidden = all.length - shown.length;
    if (hidden > 0)
      out.push(
        style.green(
          fit(
            `PASS ${hidden} COMPLIANT evaluation(s)${showCompliant ? '' : ' not listed (--all lists them)'}`,
            width,
          ),
        ),
      );
  }
  return `${out.join('\n')}\n`;
}
