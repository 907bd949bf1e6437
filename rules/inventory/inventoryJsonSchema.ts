import { z } from 'zod';
import { InventorySchema } from './model';

/** The JSON Schema of the inventory file, generated from the zod model (published as docs/inventory.schema.json). */
export function inventoryJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://github.com/ami-share-guard/ami-share-guard/docs/inventory.schema.json',
    ...z.toJSONSchema(InventorySchema, { target: 'draft-2020-12', unrepresentable: 'throw' }),
  };
}
