import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoOrg } from '../../examples/demoOrg';
import { SCENARIO_IDS } from '../../rules/core/ruleMetadata';
import type { ScanResult } from '../../rules/output/scanResult';
import { flattenFindings, nonCompliantResources } from '../../rules/output/flattenFindings';
import { parseScanResult } from '../../rules/output/scanResult';
import { AsffRequired } from '../unit/output/support/asffSchema';
import type { CaseVerdict } from './support/demoCaseVerdicts';
import { demoCaseVerdicts } from './support/demoCaseVerdicts';
import type { CliRun } from './support/runCli';
import { buildCli, runCli } from './support/runCli';

const { cases } = buildDemoOrg();
const ordered = SCENARIO_IDS.map((id) => {
  const c = cases.find((x) => x.scenario === id);
  if (!c) throw new Error(`the demo organization does not reproduce ${id}`);
  return c;
});

let dir: string;
let table: CliRun;
let jsonRun: CliRun;
let scan: ScanResult;
let verdicts: Map<string, CaseVerdict>;

beforeAll(async () => {
  await buildCli();
  dir = await mkdtemp(join(tmpdir(), 'asg-demo-'));
  // The README's first command, as a user runs it on a fresh clone.
  table = await runCli(['scan', '--inventory', 'examples/demo-org.json']);
  jsonRun = await runCli([
    'scan',
    '--inventory',
    'examples/demo-org.json',
    '--format',
    'json',
    '--out',
    join(dir, 'scan.json'),
  ]);
  scan = parseScanResult(await readFile(join(dir, 'scan.json'), 'utf8'));
  verdicts = new Map(demoCaseVerdicts(scan.findings, cases).map((v) => [v.scenario, v]));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('scan of the demo organization (the README command)', () => {
  it('exits 1 because the demo reproduces failures, with nothing on stderr', () => {
    expect(table.stderr).toBe('');
    expect(table.code).toBe(1);
    expect(jsonRun.code).toBe(1);
  });

  it('prints the summary first: totals, then NON_COMPLIANT by rule with scenario IDs, within 80 columns', () => {
    const lines = table.stdout.split('\n');
    expect(lines[0]).toBe('ami-share-guard: demo org, broken in eu-west-1, fixed twins in us-east-1');
    expect(lines[2]).toMatch(/^\d+ NON_COMPLIANT, \d+ COMPLIANT; \d+ resource\(s\) to fix$/);
    expect(lines[3]).toBe(`Scenarios (18/18): ${SCENARIO_IDS.join(' ')}`);
    expect(lines[5]).toBe('NON_COMPLIANT by rule');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('scans every registered rule over the 8 accounts and 2+ Regions with no unreadable fact', () => {
    expect(scan.accounts).toHaveLength(8);
    expect(scan.regions.length).toBeGreaterThanOrEqual(2);
    expect(scan.unknownFacts ?? []).toEqual([]);
  });

  it.each(ordered.map((c) => [c.scenario, c.broken.map((r) => r.label).join(', ')]))(
    '%s: NON_COMPLIANT where the demo reproduces it (%s)',
    (scenario) => {
      expect(verdicts.get(scenario)?.brokenReported).toBe(true);
    },
  );

  it.each(ordered.map((c) => [c.scenario, c.twin.map((r) => r.label).join(', ')]))(
    '%s twin: COMPLIANT once fixed (%s)',
    (scenario) => {
      const v = verdicts.get(scenario);
      expect(v?.twinFalsePositives).toEqual([]);
      expect(v?.twinReportedCompliant).toBe(true);
    },
  );
});

describe('other formats of the demo scan', () => {
  it('asff: one finding per NON_COMPLIANT resource, each passing the required-field schema', async () => {
    const r = await runCli(['scan', '--inventory', 'examples/demo-org.json', '--format', 'asff']);
    expect(r.code).toBe(1);
    const findings: unknown[] = JSON.parse(r.stdout);
    expect(findings).toHaveLength(nonCompliantResources(scan.findings).length);
    for (const f of findings) expect(AsffRequired.safeParse(f).error).toBeUndefined();
    const ids = findings.map((f) => (f as { Id: string }).Id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('csv and markdown: one row per evaluation and detail / a NON_COMPLIANT section', async () => {
    const csv = await runCli(['scan', '--inventory', 'examples/demo-org.json', '--format', 'csv']);
    expect(csv.stdout.split('\r\n').filter(Boolean)).toHaveLength(1 + flattenFindings(scan.findings).length);
    const md = await runCli(['scan', '--inventory', 'examples/demo-org.json', '--format', 'markdown']);
    expect(md.stdout).toContain('## NON_COMPLIANT (');
  });
});
