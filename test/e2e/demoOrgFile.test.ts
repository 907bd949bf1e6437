import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoOrg } from '../../examples/demoOrg';
import { formatDemoReadme } from '../../examples/renderDemoReadme';
import { SCENARIO_IDS } from '../../rules/core/ruleMetadata';
import { parseInventory, serializeInventory } from '../../rules/inventory/inventoryFile';
import { ROOT } from './support/runCli';

describe('examples/demo-org.json', () => {
  it('is what examples/build-demo-org.ts generates (run `npm run demo:build` when this fails)', async () => {
    const committed = await readFile(join(ROOT, 'examples', 'demo-org.json'), 'utf8');
    expect(committed).toBe(serializeInventory(buildDemoOrg().inventory));
  });

  it('has an up-to-date examples/README.md (run `npm run demo:build` when this fails)', async () => {
    const path = join(ROOT, 'examples', 'README.md');
    expect(await readFile(path, 'utf8')).toBe(await formatDemoReadme(buildDemoOrg().cases, path));
  });

  it('is a valid inventory of at least three accounts and two Regions', async () => {
    const inv = parseInventory(await readFile(join(ROOT, 'examples', 'demo-org.json'), 'utf8'));
    expect(inv.accounts.length).toBeGreaterThanOrEqual(3);
    expect(new Set(inv.accounts.flatMap((a) => a.regions.map((r) => r.region))).size).toBeGreaterThanOrEqual(
      2,
    );
  });

  it('reproduces every scenario with a broken setup and a fixed twin, named so a reader sees which is which', () => {
    const { cases } = buildDemoOrg();
    expect(cases.map((c) => c.scenario).sort()).toEqual([...SCENARIO_IDS].sort());
    for (const c of cases) {
      expect(c.broken.length).toBeGreaterThan(0);
      expect(c.twin.length).toBeGreaterThan(0);
      for (const ref of c.broken) expect(ref.label).toMatch(/broken|legacy-builds in eu-west-1/);
      for (const ref of c.twin) expect(ref.label).toMatch(/twin|legacy-builds in us-east-1/);
    }
  });

  it('is deterministic', () => {
    expect(serializeInventory(buildDemoOrg().inventory)).toBe(serializeInventory(buildDemoOrg().inventory));
  });
});
