import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../cli/main';
import { parseScanResult } from '../../rules/output/scanResult';
import { renderJson } from '../../rules/output/renderJson';
import { sampleScan } from '../unit/output/support/sampleScan';
import { buildCli, runCli } from './support/runCli';

let dir: string;

beforeAll(async () => {
  await buildCli();
  dir = await mkdtemp(join(tmpdir(), 'asg-cli-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ami-share-guard (the built command)', () => {
  const commands = ['', ...buildProgram().commands.map((c) => c.name())];

  it.each(commands)('prints help for "%s --help" and exits 0', async (command) => {
    const r = await runCli([...(command ? [command] : []), '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: ami-share-guard${command ? ` ${command}` : ''}`);
  });

  it.each([
    [
      ['scan', '--inventory', 'missing.json'],
      'inventory file not found: missing.json — run `ami-share-guard collect --out missing.json` first',
    ],
    [['scan', '--inventory', 'examples/demo-org.json', '--format', 'xml'], "argument 'xml' is invalid"],
    [
      ['scan', '--inventory', 'examples/demo-org.json', '--rules', 'no-such-rule'],
      '--rules: unknown rule "no-such-rule"',
    ],
    [
      ['scan', '--inventory', 'examples/demo-org.json', '--accounts', '12'],
      '--accounts: expected comma-separated 12-digit account ids, but "12" is not one',
    ],
    [
      ['scan', '--inventory', 'package.json'],
      'package.json: formatVersion: missing: this is not an ami-share-guard inventory',
    ],
    [['scan'], 'nothing to scan: give --inventory FILE'],
    [['scan', '--bogus'], "unknown option '--bogus'"],
    [['report'], "required option '-i, --input <file>' not specified"],
    [
      ['report', '--input', 'nope.json'],
      'scan result file not found: nope.json — write one with `ami-share-guard scan --format json --out nope.json`',
    ],
    [['report', '--input', 'examples/demo-org.json'], '$: this is an inventory, not a scan result'],
  ])('exits 2 on bad input %j and says what to do', async (args, message) => {
    const r = await runCli(args, { AWS_REGION: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  describe('report', () => {
    it.each([
      [
        'table',
        (t: string) => expect(t.split('\n')[2]).toBe('2 NON_COMPLIANT, 1 COMPLIANT; 2 resource(s) to fix'),
      ],
      ['json', (t: string) => expect(parseScanResult(t)).toEqual(sampleScan())],
      ['csv', (t: string) => expect(t.split('\r\n')[0]).toMatch(/^ruleId,severity,accountId,region,/)],
      ['markdown', (t: string) => expect(t).toContain('# ami-share-guard scan')],
      ['asff', (t: string) => expect(JSON.parse(t)).toHaveLength(2)],
      ['html', (t: string) => expect(t).toMatch(/^<!doctype html>/)],
    ] as const)(
      'renders a saved scan as %s on stdout and exits 1 when something is NON_COMPLIANT',
      async (format, check) => {
        const input = join(dir, 'scan.json');
        await writeFile(input, renderJson(sampleScan()));
        const r = await runCli(['report', '--input', input, '--format', format]);
        expect(r.code).toBe(1);
        check(r.stdout);
      },
    );

    it('writes --out FILE and exits 0 when everything is compliant', async () => {
      const input = join(dir, 'clean.json');
      const scan = sampleScan();
      await writeFile(
        input,
        renderJson({ ...scan, findings: scan.findings.filter((f) => f.compliance === 'COMPLIANT') }),
      );
      const out = join(dir, 'nested', 'report.html');
      const r = await runCli(['report', '--input', input, '--format', 'html', '--out', out]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`wrote ${out}`);
      expect(await readFile(out, 'utf8')).toContain('id="total-non-compliant">0<');
    });

    it.each([
      ['report.html', '<!doctype html>'],
      ['scan.json', '"formatVersion": 1'],
      ['scan.csv', 'ruleId,severity,'],
      ['scan.md', '# ami-share-guard scan'],
      ['scan.txt', 'ami-share-guard: sample scan'],
    ])('guesses the format of --out %s from its extension', async (name, start) => {
      const input = join(dir, 'scan.json');
      await writeFile(input, renderJson(sampleScan()));
      const out = join(dir, 'guess', name);
      await runCli(['report', '--input', input, '--out', out]);
      expect(await readFile(out, 'utf8')).toContain(start);
    });

    it('keeps an explicit --format whatever the --out extension', async () => {
      const input = join(dir, 'scan.json');
      await writeFile(input, renderJson(sampleScan()));
      const out = join(dir, 'explicit.html');
      await runCli(['report', '--input', input, '--format', 'csv', '--out', out]);
      expect(await readFile(out, 'utf8')).toMatch(/^ruleId,severity,/);
    });

    it('writes no color when stdout is not a terminal', async () => {
      const input = join(dir, 'scan.json');
      await writeFile(input, renderJson(sampleScan()));
      const r = await runCli(['report', '--input', input]);
      expect(r.stdout).not.toContain('\u001b[');
    });
  });
});
