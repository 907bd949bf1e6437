import { describe, expect, it } from 'vitest';
import { renderTable } from '../../../rules/output/renderTable';
import { stripAnsi } from '../../../rules/output/textStyle';
import { amiDetail, sampleScan } from './support/sampleScan';

describe('renderTable', () => {
  it('starts with the summary: totals, then NON_COMPLIANT by rule with scenario IDs', () => {
    const lines = renderTable(sampleScan()).split('\n');
    expect(lines[0]).toBe('ami-share-guard: sample scan');
    expect(lines[2]).toBe('2 NON_COMPLIANT, 1 COMPLIANT; 2 resource(s) to fix');
    expect(lines[3]).toBe('Scenarios (2/18): L1 L2');
    expect(lines[5]).toBe('NON_COMPLIANT by rule');
    expect(lines[6]).toMatch(/^ {2}shared-ami-key-grants-consumers +1 {2}L1$/);
    expect(lines[7]).toMatch(/^ {2}kms-key-grants-image-consumers +1 {2}L2$/);
  });

  it.each([60, 80, 100])('keeps every line within %i columns, even with long ids and reasons', (width) => {
    const long = amiDetail('ami-0' + 'f'.repeat(60), 'NON_COMPLIANT', {
      reasons: [{ code: 'X', message: 'word '.repeat(80) + 'a'.repeat(150) }],
      fix: { summary: 'z'.repeat(200) },
    });
    const scan = sampleScan();
    const text = renderTable({ ...scan, findings: [...scan.findings, long] }, { width, color: true });
    for (const line of text.split('\n')) expect(stripAnsi(line).length).toBeLessThanOrEqual(width);
  });

  it('writes no ANSI escape without color and colors FAIL in red with it', () => {
    expect(renderTable(sampleScan())).not.toContain('\u001b[');
    expect(renderTable(sampleScan(), { color: true })).toContain('\u001b[31mFAIL\u001b[39m');
  });

  it('lists each failing AMI under its account evaluation with the reason and the fix', () => {
    const text = renderTable(sampleScan(), { showCompliant: true });
    expect(text).toContain('  FAIL 222222222222 eu-west-1  AMI ami-0aaaaaaaaaaaaaaa1 L1');
    expect(text).toContain('fix: Add "Allow use of the key" for 444444444444 to the key policy');
    expect(text).toContain('  PASS 222222222222 eu-west-1  AMI ami-0bbbbbbbbbbbbbbb2');
  });

  it('counts COMPLIANT rows instead of listing them by default', () => {
    const text = renderTable(sampleScan());
    expect(text).not.toContain('PASS 222222222222');
    expect(text).toContain('  1 COMPLIANT detail(s) not shown');
    expect(text).toContain('PASS 1 COMPLIANT evaluation(s) not listed (--all lists them)');
  });

  it('names resources by their display name when the scan knows it', () => {
    const scan = sampleScan({ resourceNames: { 'ami-0aaaaaaaaaaaaaaa1': 'L1-broken-key-policy' } });
    expect(renderTable(scan, { width: 100 })).toContain(
      'AMI L1-broken-key-policy (ami-0aaaaaaaaaaaaaaa1) L1',
    );
  });

  it('says 0 NON_COMPLIANT when everything passes', () => {
    const scan = sampleScan();
    const text = renderTable({
      ...scan,
      findings: scan.findings.filter((f) => f.compliance === 'COMPLIANT'),
    });
    expect(text.split('\n')[2]).toBe('0 NON_COMPLIANT, 1 COMPLIANT; 0 resource(s) to fix');
    expect(text.split('\n')[3]).toBe('Scenarios: none matched');
  });

  it('does not repeat a detail that is its own evaluation again', () => {
    const scan = sampleScan();
    const key = scan.findings[2]!;
    const text = renderTable({ ...scan, findings: [{ ...key, details: [{ ...key }] }] });
    expect(text.match(/KMS::Key 1234abcd-12ab-34cd-56ef-1234567890ab/g)).toHaveLength(1);
  });
});
