/**
 * The request context keys the engine knows. A key mapped to values is present; mapped to
 * `null`, known to be absent; not in the map, unknown, unless `closedWorld` is set (then every
 * key not in the map is absent, as IAM itself sees a request). Keys are lower-cased.
 */
export interface RequestContext {
  readonly values: ReadonlyMap<string, readonly string[] | null>;
  readonly closedWorld: boolean;
}

/** Context value as written by callers: a string, a list, a boolean, or null for "known absent". */
export type ContextInput = Readonly<Record<string, string | boolean | number | readonly string[] | null>>;

/** Builds a {@link RequestContext} (keys are case-insensitive). */
export function requestContext(
  values: ContextInput,
  options: { closedWorld?: boolean } = {},
): RequestContext {
  const map = new Map<string, readonly string[] | null>();
  for (const [key, value] of Object.entries(values)) {
    map.set(
      key.toLowerCase(),
      value === null ? null : Array.isArray(value) ? [...(value as readonly string[])] : [String(value)],
    );
  }
  return { values: map, closedWorld: options.closedWorld ?? false };
}

/** A copy of `base` with `extra` added (extra wins). */
export function withContext(base: RequestContext, extra: ContextInput): RequestContext {
  const added = requestContext(extra);
  return { values: new Map([...base.values, ...added.values]), closedWorld: base.closedWorld };
}

/** Values of `keyLower`: an array when present, `null` when absent, `undefined` when unknown. */
export function contextValues(
  context: RequestContext,
  keyLower: string,
): readonly string[] | null | undefined {
  const value = context.values.get(keyLower);
  if (value !== undefined) return value;
  return context.closedWorld ? null : undefined;
}
