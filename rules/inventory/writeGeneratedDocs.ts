import { writeFileSync } from 'node:fs';
import { collectPermissionsPolicy } from './collectPermissionsPolicy';
import { inventoryJsonSchema } from './inventoryJsonSchema';

/** The generated documents of the inventory layer, by path relative to the repository root. */
export function generatedDocs(): Record<string, string> {
  return {
    'docs/inventory.schema.json': `${JSON.stringify(inventoryJsonSchema(), null, 2)}\n`,
    'docs/collect-permissions.json': `${JSON.stringify(collectPermissionsPolicy(), null, 2)}\n`,
  };
}

// `npx tsx rules/inventory/writeGeneratedDocs.ts` regenerates them.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [path, text] of Object.entries(generatedDocs())) {
    writeFileSync(path, text);
    console.log(`wrote ${path}`);
  }
}
