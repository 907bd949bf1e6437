/**
 * Regenerates the README sections that come from the rule registry (the rule catalogue and the
 * scenario → rules table), between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`.
 * `--check` writes nothing and exits 1 when the README is stale (a test does the same).
 * Run: `npx tsx scripts/generate-readme.ts [--check]`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import type { RegisteredRule } from '../rules/index';
import { SCENARIO_IDS, type RuleTrigger } from '../rules/core/ruleMetadata';
import { DOCS_REPO_ROOT, ruleDocPath } from './generate-rule-docs';

function trigger(t: RuleTrigger): string {
  switch (t.kind) {
    case 'periodic':
      return 'periodic';
    case 'change':
      return `change (${t.resourceTypes.join(', ')})`;
    case 'hybrid':
      return `change (${t.resourceTypes.join(', ')}) + periodic`;
  }
}

/** The rule catalogue: one row per rule, in registry order. */
export function renderRuleCatalogue(rules: readonly RegisteredRule[]): string {
  const rows = rules.map(({ metadata: m }) =>
    [
      `[\`${m.id}\`](${ruleDocPath(m.id)})`,
      m.title,
      trigger(m.trigger),
      m.evaluationResourceTypes.join(', '),
      m.severity,
      m.scenarios.join(', '),
    ].join(' | '),
  );
  return [
    '| Rule | What it checks | Trigger | Reported on | Severity | Scenarios |',
    '|---|---|---|---|---|---|',
  ]
    .concat(rows.map((r) => `| ${r} |`))
    .join('\n');
}

/** Scenario ID → the rules that report it (from the rules' metadata). */
export function renderScenarioTable(rules: readonly RegisteredRule[]): string {
  const rows = SCENARIO_IDS.map((id) => {
    const by = rules.filter((r) => r.metadata.scenarios.includes(id)).map((r) => `\`${r.metadata.id}\``);
    return `| ${id} | ${by.length > 0 ? by.join(', ') : '**none**'} |`;
  });
  return ['| Scenario | Rules that report it NON_COMPLIANT |', '|---|---|', ...rows].join('\n');
}

/** Replaces each generated section of `readme`; throws when a marker pair is missing. */
export function replaceSections(readme: string, rules: readonly RegisteredRule[]): string {
  const sections: Record<string, string> = {
    rules: renderRuleCatalogue(rules),
    scenarios: renderScenarioTable(rules),
  };
  let out = readme;
  for (const [name, body] of Object.entries(sections)) {
    const start = `<!-- generated:${name} -->`;
    const end = `<!-- /generated:${name} -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md: the markers ${start} … ${end} are missing`);
    out = `${out.slice(0, from + start.length)}\n${body}\n${out.slice(to)}`;
  }
  return out;
}

/** The README with its generated sections replaced, formatted as `npm run lint` wants it. */
export async function renderReadme(readme: string, rules: readonly RegisteredRule[]): Promise<string> {
  const path = join(DOCS_REPO_ROOT, 'README.md');
  const options = (await resolveConfig(path)) ?? {};
  return format(replaceSections(readme, rules), { ...options, filepath: path });
}

async function main(argv: readonly string[]): Promise<void> {
  const { allRules } = await import('../rules/index');
  const path = join(DOCS_REPO_ROOT, 'README.md');
  const current = readFileSync(path, 'utf8');
  const next = await renderReadme(current, allRules);
  if (argv.includes('--check')) {
    if (next !== current) {
      console.error('README.md is stale: run npx tsx scripts/generate-readme.ts');
      process.exit(1);
    }
    return;
  }
  if (next !== current) writeFileSync(path, next);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
