// Writes examples/demo-org.json from the demo organization builder (examples/demoOrg.ts).
// Run: npm run demo:build   (a test fails when the committed file is stale)
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeInventory } from '../rules/inventory/inventoryFile';
import { buildDemoOrg } from './demoOrg';
import { formatDemoReadme } from './renderDemoReadme';

const here = dirname(fileURLToPath(import.meta.url));
export const DEMO_ORG_PATH = join(here, 'demo-org.json');
export const DEMO_README_PATH = join(here, 'README.md');

const { inventory, cases } = buildDemoOrg();
await writeFile(DEMO_ORG_PATH, serializeInventory(inventory), 'utf8');
await writeFile(DEMO_README_PATH, await formatDemoReadme(cases, DEMO_README_PATH), 'utf8');
console.log(
  `wrote ${DEMO_ORG_PATH}: ${inventory.accounts.length} accounts, ${cases.length} scenarios with twins`,
);
