import type { z } from 'zod';
import { InvalidInputError } from './errors';

/** `a.b[2].c` from a zod issue path, under `prefix`. */
export function formatIssuePath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '$' : out;
}

/** Turns a zod failure into an {@link InvalidInputError} naming the first bad field (others listed). */
export function invalidInputFromZod(prefix: string, error: z.ZodError): InvalidInputError {
  const [first, ...rest] = error.issues;
  if (!first) return new InvalidInputError(prefix || '$', 'invalid value', { cause: error });
  const problem = first.message.replace(/^Invalid input: /, '');
  const others = rest.length
    ? ` (also: ${rest.map((i) => `${formatIssuePath(prefix, i.path)}: ${i.message.replace(/^Invalid input: /, '')}`).join('; ')})`
    : '';
  return new InvalidInputError(formatIssuePath(prefix, first.path), `${problem}${others}`, { cause: error });
}
