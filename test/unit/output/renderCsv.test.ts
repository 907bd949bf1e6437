import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, renderCsv } from '../../../rules/output/renderCsv';
import { amiDetail, sampleScan } from './support/sampleScan';

describe('renderCsv', () => {
  it('writes a header and one row per evaluation and per detail, details naming their evaluation', () => {
    const rows = renderCsv(sampleScan()).split('\r\n').filter(Boolean);
    expect(rows[0]).toBe(CSV_COLUMNS.join(','));
    expect(rows).toHaveLength(1 + 5);
    expect(rows[2]).toMatch(
      /^shared-ami-key-grants-consumers,HIGH,222222222222,eu-west-1,AWS::EC2::Image,ami-0aaaaaaaaaaaaaaa1,222222222222,NON_COMPLIANT,L1,444444444444,kms:Decrypt kms:DescribeKey,/,
    );
  });

  it.each([
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['plain', 'plain'],
  ])('quotes %j as %s (RFC 4180, no spreadsheet formula)', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it('keeps a hostile reason in one field', () => {
    const scan = sampleScan();
    const bad = amiDetail('ami-0e', 'NON_COMPLIANT', {
      reasons: [{ code: 'X', message: '=cmd|"/c calc"!A1, then\r\nmore' }],
    });
    const text = renderCsv({ ...scan, findings: [bad] });
    expect(text).toContain(`"'=cmd|""/c calc""!A1, then\r\nmore"`);
  });
});
