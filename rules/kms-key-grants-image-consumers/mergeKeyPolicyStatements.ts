import type { JsonObject, JsonValue } from '../core/finding';

function principalArns(principal: JsonValue | undefined): string[] | undefined {
  if (typeof principal !== 'object' || principal === null || Array.isArray(principal)) return undefined;
  const aws = (principal as { AWS?: JsonValue }).AWS;
  if (typeof aws === 'string') return [aws];
  if (Array.isArray(aws) && aws.every((a) => typeof a === 'string')) return aws as string[];
  return undefined;
}

/**
 * Joins the statements proposed for several consumers of one key: statements that differ only
 * by their `Principal.AWS` become one statement naming every principal (as the article's
 * "Allow use of the key" lists several accounts); others are kept once each.
 */
export function mergeKeyPolicyStatements(statements: readonly JsonObject[]): JsonObject[] {
  const out: JsonObject[] = [];
  const byShape = new Map<string, { statement: JsonObject; arns: string[] }>();
  for (const s of statements) {
    const arns = principalArns(s['Principal']);
    const { Principal: _principal, ...rest } = s;
    const shape = JSON.stringify(rest);
    if (!arns) {
      const key = JSON.stringify(s);
      if (!byShape.has(key)) {
        byShape.set(key, { statement: s, arns: [] });
        out.push(s);
      }
      continue;
    }
    const existing = byShape.get(shape);
    if (existing) {
      for (const arn of arns) if (!existing.arns.includes(arn)) existing.arns.push(arn);
      continue;
    }
    const entry = { statement: s, arns: [...arns] };
    byShape.set(shape, entry);
    out.push(s);
  }
  return out.map((s) => {
    const arns = principalArns(s['Principal']);
    if (!arns) return s;
    const { Principal: _p, ...rest } = s;
    const entry = byShape.get(JSON.stringify(rest));
    const all = entry?.arns ?? arns;
    return { ...s, Principal: { AWS: all.length === 1 ? (all[0] ?? '') : all } };
  });
}
