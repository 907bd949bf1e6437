/** Three-valued truth: a condition the engine cannot decide from what it knows is `unknown`. */
export type Tri = 'yes' | 'no' | 'unknown';

export function triAnd(...values: readonly Tri[]): Tri {
  if (values.includes('no')) return 'no';
  return values.includes('unknown') ? 'unknown' : 'yes';
}

export function triOr(...values: readonly Tri[]): Tri {
  if (values.includes('yes')) return 'yes';
  return values.includes('unknown') ? 'unknown' : 'no';
}
