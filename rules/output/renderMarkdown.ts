import type { Finding } from '../core/finding';
import { flattenFindings } from './flattenFindings';
import { reasonsText, resourceNameOf, scenariosOf } from './findingText';
import type { ScanResult } from './scanResult';
import { summarizeScan } from './summarizeScan';

/** Escapes text for a Markdown table cell (pipes, line breaks, HTML-significant characters). */
export function markdownCell(text: string): string {
  return text
    .replaceAll('\\', '\\\\')
    .replaceAll('|', '\\|')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/\r?\n/g, '<br>');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(markdownCell).join(' | ')} |`;
}

/**
 * A Markdown report (for pull requests, wikis, tickets): summary, NON_COMPLIANT by rule with
 * scenario IDs, then one row per NON_COMPLIANT resource with reasons and fix, then the COMPLIANT count.
 */
export function renderMarkdown(scan: ScanResult): string {
  const s = summarizeScan(scan);
  const e = s.evaluations;
  const out: string[] = [];
  out.push('# ami-share-guard scan', '');
  out.push(
    `Scanned ${scan.accounts.length} account(s) in ${scan.regions.length} Region(s) with ${scan.rules.length} rule(s) at ${scan.generatedAt} (source: ${markdownCell(scan.source.description ?? scan.source.kind)}).`,
    '',
  );
  out.push(
    `**${e.NON_COMPLIANT} NON_COMPLIANT**, ${e.COMPLIANT} COMPLIANT, ${e.NOT_APPLICABLE} NOT_APPLICABLE evaluation(s); ${s.nonCompliantResources} resource(s) to fix.`,
    '',
  );
  out.push('## By rule', '', row(['rule', 'severity', 'NON_COMPLIANT', 'COMPLIANT', 'scenarios matched']));
  out.push('| --- | --- | ---: | ---: | --- |');
  for (const r of s.byRule)
    out.push(row([r.id, r.severity, String(r.NON_COMPLIANT), String(r.COMPLIANT), r.scenarios.join(' ')]));
  out.push('', '## By account', '', row(['account', 'NON_COMPLIANT', 'COMPLIANT']), '| --- | ---: | ---: |');
  for (const a of s.byAccount)
    out.push(row([a.name ? `${a.id} (${a.name})` : a.id, String(a.NON_COMPLIANT), String(a.COMPLIANT)]));
  const failing = flattenFindings(scan.findings).filter(
    ({ finding }) => finding.compliance === 'NON_COMPLIANT',
  );
  out.push('', `## NON_COMPLIANT (${failing.length})`, '');
  if (failing.length === 0) out.push('Nothing to fix.');
  else {
    out.push(row(['rule', 'account', 'region', 'resource', 'scenarios', 'why', 'fix']));
    out.push('| --- | --- | --- | --- | --- | --- | --- |');
    for (const { finding: f, parent } of failing) {
      out.push(
        row([
          f.ruleId,
          f.accountId,
          f.region,
          `${f.resourceType} ${f.resourceId}${resourceNameOf(scan.resourceNames, f) ? ` (${resourceNameOf(scan.resourceNames, f)})` : ''}${parent ? ` in ${parent.resourceId}` : ''}`,
          scenariosOf(f).join(' '),
          reasonsText(f),
          f.fix?.summary ?? '',
        ]),
      );
    }
    const withStatements = failing.filter(({ finding }) => fixDocument(finding) !== undefined);
    if (withStatements.length > 0) {
      out.push('', '## Fixes', '');
      for (const { finding: f } of withStatements) {
        out.push(`<details><summary>${markdownCell(`${f.ruleId}: ${f.resourceId}`)}</summary>`, '');
        out.push('```json', JSON.stringify(fixDocument(f), null, 2), '```', '', '</details>', '');
      }
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function fixDocument(f: Finding): unknown {
  const fix = f.fix;
  if (!fix) return undefined;
  if (fix.keyPolicyStatements?.length) return { keyArn: fix.keyArn, statements: fix.keyPolicyStatements };
  if (fix.identityPolicy) return { roleArn: fix.roleArn, identityPolicy: fix.identityPolicy };
  if (fix.trustPolicy) return { roleArn: fix.roleArn, trustPolicy: fix.trustPolicy };
  return undefined;
}
