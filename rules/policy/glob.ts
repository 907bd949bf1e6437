const cache = new Map<string, RegExp>();

/**
 * Compiles an IAM wildcard pattern (`*` any run of characters, `?` one character) into an
 * anchored RegExp. Compiled patterns are cached: policies repeat the same few patterns.
 */
export function globToRegExp(pattern: string, ignoreCase: boolean): RegExp {
  const cacheKey = `${ignoreCase ? 'i' : 's'}${pattern}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  let source = '^';
  for (const ch of pattern) {
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else source += ch.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');
  }
  const compiled = new RegExp(`${source}$`, ignoreCase ? 'is' : 's');
  if (cache.size > 10_000) cache.clear();
  cache.set(cacheKey, compiled);
  return compiled;
}

/** True when `value` matches the IAM wildcard `pattern`. */
export function globMatches(pattern: string, value: string, ignoreCase = false): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?')) {
    return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  }
  return globToRegExp(pattern, ignoreCase).test(value);
}
