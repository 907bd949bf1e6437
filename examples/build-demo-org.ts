// Writes examples/demo-org.json from the demo organization builder (examples/demoOrg.ts).
// Run: npm run demo:build   (a test fails when the committed file is stale)
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeInventory } from '../rules/inventory/inventoryFile';
import { buildDemoOrg } from './demoOrg';

export const DEMO_ORG_PATH = join(dirname(fileURLToPath(import.meta.url)), 'demo-org.json');

const { inventory, cases } = buildDemoOrg();
await writeFile(DEMO_ORG_PATH, serializeInventory(inventory), 'utf8');
console.log(
  `wrote ${DEMO_ORG_PATH}: ${inventory.accounts.length} accounts, ${cases.length} scenarios with twins`,
);
