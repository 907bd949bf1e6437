import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InvalidInputError } from '../core/errors';
import { invalidInputFromZod } from '../core/zodIssues';
import type { Inventory } from './model';
import { INVENTORY_FORMAT_VERSION, InventorySchema } from './model';

/**
 * Validates an inventory (parsed JSON or JSON text) against the model. Bad input throws an
 * {@link InvalidInputError} naming the path, e.g. `accounts[1].regions[0].keys.value[3].arn: expected a KMS key ARN`.
 */
export function parseInventory(input: unknown): Inventory {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (error) {
      throw new InvalidInputError('$', `not valid JSON (${(error as Error).message})`, { cause: error });
    }
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new InvalidInputError('$', 'expected an inventory object');
  const version = (json as { formatVersion?: unknown }).formatVersion;
  if (version !== INVENTORY_FORMAT_VERSION)
    throw new InvalidInputError(
      'formatVersion',
      version === undefined
        ? `missing: this is not an ami-share-guard inventory (expected formatVersion ${INVENTORY_FORMAT_VERSION})`
        : `unsupported format version ${JSON.stringify(version)} (this version reads ${INVENTORY_FORMAT_VERSION})`,
    );
  const parsed = InventorySchema.safeParse(json);
  if (!parsed.success) throw invalidInputFromZod('', parsed.error);
  return parsed.data;
}

/** Reads and validates an inventory file. */
export async function loadInventoryFile(path: string): Promise<Inventory> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidInputError(path, `cannot read the inventory file (${(error as Error).message})`, {
      cause: error,
    });
  }
  try {
    return parseInventory(text);
  } catch (error) {
    if (error instanceof InvalidInputError)
      throw new InvalidInputError(`${path}: ${error.path}`, error.message.slice(error.path.length + 2), {
        cause: error,
      });
    throw error;
  }
}

/** The inventory file text: validated, pretty-printed JSON with a trailing newline. */
export function serializeInventory(inventory: Inventory): string {
  const valid = InventorySchema.safeParse(inventory);
  if (!valid.success) throw invalidInputFromZod('', valid.error);
  return `${JSON.stringify(valid.data, null, 2)}\n`;
}

/** Writes an inventory file atomically (temporary file, then rename). */
export async function writeInventoryFile(path: string, inventory: Inventory): Promise<void> {
  const text = serializeInventory(inventory);
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, path);
}
