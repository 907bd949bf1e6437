import type { RequestContext } from './requestContext';
import { contextValues } from './requestContext';
import type { ConditionClause } from './policyTypes';
import type { Tri } from './tri';

/** The outcome of a statement's `Condition` block; `unknownKeys` names what could not be decided. */
export interface ConditionOutcome {
  readonly result: Tri;
  readonly unknownKeys: readonly string[];
}

const MATCH: ConditionOutcome = { result: 'yes', unknownKeys: [] };

/** Evaluates every clause (they are ANDed). Never guesses: an unknown key makes the outcome unknown. */
export function evaluateConditions(
  clauses: readonly ConditionClause[],
  context: RequestContext,
): ConditionOutcome {
  if (clauses.length === 0) return MATCH;
  let unknown: string[] | undefined;
  for (const clause of clauses) {
    const r = evaluateClause(clause, context);
    if (r === 'no') return { result: 'no', unknownKeys: [] };
    if (r !== 'yes') (unknown ??= []).push(r.unknownKey);
  }
  return unknown ? { result: 'unknown', unknownKeys: unknown } : MATCH;
}

function evaluateClause(
  clause: ConditionClause,
  context: RequestContext,
): 'yes' | 'no' | { unknownKey: string } {
  const values = contextValues(context, clause.keyLower);
  if (values === undefined) return { unknownKey: clause.key };
  const absent = values === null || values.length === 0;
  const op = clause.operator;
  if (op.isNull) {
    return clause.values.some((v) => (v === 'true') === absent) ? 'yes' : 'no';
  }
  const policyValues: string[] = [];
  for (const raw of clause.values) {
    const resolved = resolveVariables(raw, context);
    if (resolved === undefined) return { unknownKey: clause.key };
    if (resolved !== null) policyValues.push(resolved);
  }
  if (absent) {
    if (clause.ifExists) return 'yes';
    if (clause.qualifier === 'ForAllValues') return 'yes';
    if (clause.qualifier === 'ForAnyValue') return 'no';
    return op.isNegative ? 'yes' : 'no';
  }
  let passed = 0;
  for (const v of values) {
    let matched = false;
    for (const p of policyValues) {
      if (op.matches(v, p)) {
        matched = true;
        break;
      }
    }
    if (matched !== op.isNegative) passed += 1;
  }
  if (clause.qualifier === 'ForAllValues') return passed === values.length ? 'yes' : 'no';
  if (clause.qualifier === 'ForAnyValue') return passed > 0 ? 'yes' : 'no';
  // Plain operator on a (possibly multi-valued) key: positive operators need one matching
  // value; negated operators need no value to match.
  return (op.isNegative ? passed === values.length : passed > 0) ? 'yes' : 'no';
}

/**
 * Replaces `${key}` policy variables with the context's single value. Returns undefined when a
 * referenced key is unknown, null when it is absent (that policy value then matches nothing).
 */
function resolveVariables(value: string, context: RequestContext): string | null | undefined {
  if (!value.includes('${')) return value;
  let absent = false;
  let unknown = false;
  const out = value.replace(/\$\{([^}]+)\}/g, (_m, name: string) => {
    if (name === '*' || name === '?' || name === '$') return name;
    const v = contextValues(context, name.toLowerCase());
    if (v === undefined) unknown = true;
    else if (v === null || v.length !== 1) absent = true;
    return v?.[0] ?? '';
  });
  if (unknown) return undefined;
  return absent ? null : out;
}
