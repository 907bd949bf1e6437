import { globMatches } from './glob';
import { ipInCidr } from './ipAddress';

/**
 * One condition operator as data (the iam-simulate habit): its name, whether it is a negated
 * form, whether policy values may hold wildcards, and the positive single-value test. Negated
 * operators (`StringNotEquals`…) share the positive test; evaluation applies the negation.
 */
export interface ConditionOperator {
  readonly name: string;
  readonly isNegative: boolean;
  readonly allowsWildcards: boolean;
  /** `Null` checks presence, not values. */
  readonly isNull: boolean;
  /** Positive test of one request value against one policy value. */
  readonly matches: (requestValue: string, policyValue: string) => boolean;
}

const stringEquals = (r: string, p: string): boolean => r === p;
const stringEqualsIgnoreCase = (r: string, p: string): boolean => r.toLowerCase() === p.toLowerCase();
const stringLike = (r: string, p: string): boolean => globMatches(p, r);

function arnLike(r: string, p: string): boolean {
  const rp = splitArn(r);
  const pp = splitArn(p);
  if (!rp || !pp) return p === '*' ? true : false;
  return pp.every((segment, i) => globMatches(segment, rp[i] ?? ''));
}

function splitArn(arn: string): string[] | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

function toNumber(text: string): number | undefined {
  if (!/^-?\d+(\.\d+)?$/.test(text.trim())) return undefined;
  return Number(text);
}

function toEpochMs(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

function compare(parse: (t: string) => number | undefined, test: (r: number, p: number) => boolean) {
  return (r: string, p: string): boolean => {
    const a = parse(r);
    const b = parse(p);
    return a !== undefined && b !== undefined && test(a, b);
  };
}

function op(
  name: string,
  matches: (r: string, p: string) => boolean,
  opts: { negative?: boolean; wildcards?: boolean; isNull?: boolean } = {},
): ConditionOperator {
  return {
    name,
    matches,
    isNegative: opts.negative ?? false,
    allowsWildcards: opts.wildcards ?? false,
    isNull: opts.isNull ?? false,
  };
}

const eq = (a: number, b: number): boolean => a === b;
const lt = (a: number, b: number): boolean => a < b;
const le = (a: number, b: number): boolean => a <= b;
const gt = (a: number, b: number): boolean => a > b;
const ge = (a: number, b: number): boolean => a >= b;

/** Every base operator IAM documents, by name. */
export const CONDITION_OPERATORS: readonly ConditionOperator[] = [
  op('StringEquals', stringEquals),
  op('StringNotEquals', stringEquals, { negative: true }),
  op('StringEqualsIgnoreCase', stringEqualsIgnoreCase),
  op('StringNotEqualsIgnoreCase', stringEqualsIgnoreCase, { negative: true }),
  op('StringLike', stringLike, { wildcards: true }),
  op('StringNotLike', stringLike, { negative: true, wildcards: true }),
  op('NumericEquals', compare(toNumber, eq)),
  op('NumericNotEquals', compare(toNumber, eq), { negative: true }),
  op('NumericLessThan', compare(toNumber, lt)),
  op('NumericLessThanEquals', compare(toNumber, le)),
  op('NumericGreaterThan', compare(toNumber, gt)),
  op('NumericGreaterThanEquals', compare(toNumber, ge)),
  op('DateEquals', compare(toEpochMs, eq)),
  op('DateNotEquals', compare(toEpochMs, eq), { negative: true }),
  op('DateLessThan', compare(toEpochMs, lt)),
  op('DateLessThanEquals', compare(toEpochMs, le)),
  op('DateGreaterThan', compare(toEpochMs, gt)),
  op('DateGreaterThanEquals', compare(toEpochMs, ge)),
  op('Bool', stringEqualsIgnoreCase),
  op('BinaryEquals', stringEquals),
  op('IpAddress', (r, p) => ipInCidr(r, p)),
  op('NotIpAddress', (r, p) => ipInCidr(r, p), { negative: true }),
  op('ArnEquals', arnLike, { wildcards: true }),
  op('ArnLike', arnLike, { wildcards: true }),
  op('ArnNotEquals', arnLike, { negative: true, wildcards: true }),
  op('ArnNotLike', arnLike, { negative: true, wildcards: true }),
  op('Null', () => false, { isNull: true }),
];

const byLowerName = new Map(CONDITION_OPERATORS.map((o) => [o.name.toLowerCase(), o]));

/** The operator named `name` (case-insensitive), or undefined when IAM has no such operator. */
export function findConditionOperator(name: string): ConditionOperator | undefined {
  return byLowerName.get(name.toLowerCase());
}
