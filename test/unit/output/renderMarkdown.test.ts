import { describe, expect, it } from 'vitest';
import { markdownCell, renderMarkdown } from '../../../rules/output/renderMarkdown';
import { amiDetail, sampleScan } from './support/sampleScan';

describe('renderMarkdown', () => {
  it('summarizes, lists NON_COMPLIANT rows and puts the policy statement to add in a details block', () => {
    const md = renderMarkdown(sampleScan());
    expect(md).toContain(
      '**2 NON_COMPLIANT**, 1 COMPLIANT, 0 NOT_APPLICABLE evaluation(s); 2 resource(s) to fix.',
    );
    expect(md).toContain('| shared-ami-key-grants-consumers | HIGH | 1 | 1 | L1 |');
    expect(md).toContain('## NON_COMPLIANT (3)');
    expect(md).toContain('"Sid": "Allow use of the key"');
  });

  it('escapes pipes, angle brackets and line breaks inside cells', () => {
    expect(markdownCell('a|b<script>\nc')).toBe('a\\|b&lt;script&gt;<br>c');
    const scan = sampleScan();
    const md = renderMarkdown({
      ...scan,
      findings: [amiDetail('ami-0f', 'NON_COMPLIANT', { reasons: [{ code: 'X', message: 'x | y' }] })],
    });
    expect(md).toContain('x \\| y');
  });

  it('says there is nothing to fix when everything passes', () => {
    const scan = sampleScan();
    expect(renderMarkdown({ ...scan, findings: [] })).toContain('Nothing to fix.');
  });
});
