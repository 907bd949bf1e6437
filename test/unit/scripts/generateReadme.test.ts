import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIO_IDS } from '../../../rules/core/ruleMetadata';
import { allRules } from '../../../rules/index';
import { DOCS_REPO_ROOT } from '../../../scripts/generate-rule-docs';
import { renderReadme, renderScenarioTable, replaceSections } from '../../../scripts/generate-readme';

describe('README generated sections', () => {
  it('are up to date with the rule registry (run npx tsx scripts/generate-readme.ts)', async () => {
    const readme = readFileSync(join(DOCS_REPO_ROOT, 'README.md'), 'utf8');
    expect(await renderReadme(readme, allRules)).toBe(readme);
  });

  it('names at least one rule for every scenario ID of the catalogue', () => {
    const table = renderScenarioTable(allRules);
    for (const id of SCENARIO_IDS) expect(table).toMatch(new RegExp(`^\\| ${id} \\| \``, 'm'));
    expect(table).not.toContain('**none**');
  });

  it('refuses a README without its markers', () => {
    expect(() => replaceSections('# no markers', allRules)).toThrow(/generated:rules/);
  });
});
