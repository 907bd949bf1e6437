import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in `<root>/infra`). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where a rule's Lambda entry lives by convention: `rules/<id>/handler.ts`, exporting `handler`. */
export function ruleHandlerEntry(ruleId: string, root: string = REPO_ROOT): string {
  return join(root, 'rules', ruleId, 'handler.ts');
}

/** Whether the conventional handler file exists for a rule. */
export function ruleHandlerExists(ruleId: string, root: string = REPO_ROOT): boolean {
  return existsSync(ruleHandlerEntry(ruleId, root));
}
