import { z } from 'zod';
import { InvalidInputError } from './errors';
import type { RuleMetadata } from './ruleMetadata';
import { invalidInputFromZod } from './zodIssues';

/** Validates `ruleParameters` with the rule's own schema; errors name `ruleParameters.<Name>`. */
export function parseRuleParameters<P>(metadata: RuleMetadata<P>, raw: Readonly<Record<string, unknown>>): P {
  const result = metadata.parameterSchema.safeParse(raw);
  if (!result.success) throw invalidInputFromZod('ruleParameters', result.error);
  return result.data;
}

const ACCOUNT_ID = /^\d{12}$/;

/** `"111111111111, 222222222222"` → ids; empty entries are ignored; duplicates removed. */
export function parseAccountIdList(value: string, path: string): string[] {
  const ids: string[] = [];
  for (const part of value.split(',')) {
    const id = part.trim();
    if (id === '') continue;
    if (!ACCOUNT_ID.test(id)) {
      throw new InvalidInputError(
        path,
        `expected a comma-separated list of 12-digit account ids, but ${JSON.stringify(id)} is not one`,
      );
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** `"true"` / `"false"` (any case, surrounding spaces ignored). */
export function parseBooleanString(value: string, path: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new InvalidInputError(path, `expected "true" or "false", got ${JSON.stringify(value)}`);
}

export interface TagFilter {
  readonly key: string;
  /** Absent: any value (the parameter was just `key`). */
  readonly value?: string;
}

/** `"key=value"` (or `"key"` for "any value"); the value may itself contain `=`. */
export function parseTag(value: string, path: string): TagFilter {
  const text = value.trim();
  const eq = text.indexOf('=');
  const key = (eq === -1 ? text : text.slice(0, eq)).trim();
  if (key === '')
    throw new InvalidInputError(path, `expected a tag as key=value, got ${JSON.stringify(value)}`);
  if (key.length > 128) throw new InvalidInputError(path, 'expected a tag key of at most 128 characters');
  return eq === -1 ? { key } : { key, value: text.slice(eq + 1).trim() };
}

export interface GlobPattern {
  readonly pattern: string;
  matches(text: string): boolean;
}

/** A glob where `*` matches any run of characters (including none) and `?` exactly one. */
export function parseGlob(pattern: string, path: string): GlobPattern {
  const p = pattern.trim();
  if (p === '') throw new InvalidInputError(path, 'expected a non-empty glob pattern');
  const source = Array.from(p)
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const re = new RegExp(`^${source}$`, 'su');
  return { pattern: p, matches: (text: string) => re.test(text) };
}

/** A CSV of globs (empty entries ignored). */
export function parseGlobList(value: string, path: string): GlobPattern[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => parseGlob(s, path));
}

/** Wraps a parser that throws {@link InvalidInputError} as a zod string transform (message kept). */
function stringParam<T>(parse: (value: string, path: string) => T): z.ZodType<T, string> {
  return z.string().transform((value, ctx) => {
    try {
      return parse(value, '');
    } catch (error) {
      const message = error instanceof InvalidInputError ? error.message.replace(/^: /, '') : String(error);
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
  });
}

/** zod helpers for rule parameter schemas (all Config parameters arrive as strings). */
export const param = {
  accountIds: (): z.ZodType<string[], string> => stringParam(parseAccountIdList),
  boolean: (): z.ZodType<boolean, string> => stringParam(parseBooleanString),
  tag: (): z.ZodType<TagFilter, string> => stringParam(parseTag),
  globs: (): z.ZodType<GlobPattern[], string> => stringParam(parseGlobList),
};
