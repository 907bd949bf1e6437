import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { REPORT_SCRIPT } from '../../../rules/output/htmlAssets';
import { renderHtml } from '../../../rules/output/renderHtml';
import { amiDetail, sampleScan } from './support/sampleScan';

describe('renderHtml', () => {
  it('is self-contained: no external script, stylesheet, image or font', () => {
    const html = renderHtml(sampleScan());
    expect(html).not.toMatch(/<(script|img|link|iframe)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('allows only its own inline script, by hash, in the Content-Security-Policy', () => {
    const html = renderHtml(sampleScan());
    const hash = createHash('sha256').update(REPORT_SCRIPT).digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html).toContain("default-src 'none'");
  });

  it('escapes every value taken from the scan', () => {
    const scan = sampleScan();
    const hostile = amiDetail('ami-0a', 'NON_COMPLIANT', {
      reasons: [{ code: 'X', message: '<img src=x onerror=alert(1)>' }],
      fix: { summary: '</td><script>alert(2)</script>', steps: ['"><b>'] },
    });
    const html = renderHtml({
      ...scan,
      source: { kind: 'x', description: '<b>org</b>' },
      findings: [hostile],
    });
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert(2)');
    expect(html).not.toContain('<b>org</b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('shows totals, one chart per view and one table row per evaluation and detail', () => {
    const html = renderHtml(sampleScan());
    expect(html).toContain('<div class="n" id="total-non-compliant">2</div>');
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html.match(/<tr class="(evaluation|detail)"/g)).toHaveLength(5);
    expect(html).toContain('<details><summary>fix JSON</summary>');
  });
});
