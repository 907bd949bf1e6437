import { InvalidInputError } from '../rules/core/errors';
import type { PackRule } from '../rules/kit/packRule';
import { parseList } from './parseList';

/** The rules named by `--rules id,id` (catalogue order), or every rule when absent. */
export function selectRules(all: readonly PackRule[], ids: string | undefined): PackRule[] {
  if (ids === undefined) {
    if (all.length === 0) throw new InvalidInputError('rules', 'no rule is registered in rules/index.ts yet');
    return [...all];
  }
  const wanted = parseList(ids);
  const known = all.map((r) => r.metadata.id);
  const unknown = wanted.filter((id) => !known.includes(id));
  if (unknown.length > 0)
    throw new InvalidInputError(
      '--rules',
      `unknown rule ${unknown.map((u) => `"${u}"`).join(', ')}; known rules: ${known.join(', ') || '(none)'}`,
    );
  if (wanted.length === 0) throw new InvalidInputError('--rules', 'name at least one rule id');
  return all.filter((r) => wanted.includes(r.metadata.id));
}
