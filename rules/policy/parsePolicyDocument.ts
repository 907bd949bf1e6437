import type { JsonObject, JsonValue } from '../core/finding';
import { compilePattern, compilePrincipal } from './compiledStatement';
import { findConditionOperator } from './conditionOperators';
import { PolicyParseError } from './PolicyParseError';
import type {
  ConditionClause,
  PolicyDocument,
  PolicyKind,
  PolicyStatement,
  PrincipalEntry,
  SetQualifier,
} from './policyTypes';

/** Limits that keep hostile input bounded. IAM's own limits are far lower (key policy: 32 KiB). */
export const POLICY_LIMITS = {
  maxJsonChars: 128 * 1024,
  maxDepth: 16,
  maxNodes: 20_000,
  maxStatements: 500,
} as const;

const STATEMENT_KEYS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
const PRINCIPAL_TYPES = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser']);

/**
 * Parses a key policy, an IAM identity policy or a role trust policy (a JSON string or an
 * already-parsed object) into a typed {@link PolicyDocument}. Throws {@link PolicyParseError}
 * naming the JSON path of the first problem, e.g. `$.Statement[1].Effect: expected "Allow" or "Deny"`.
 */
export function parsePolicyDocument(input: unknown, kind: PolicyKind): PolicyDocument {
  let value: unknown = input;
  if (typeof input === 'string') {
    if (input.length > POLICY_LIMITS.maxJsonChars) {
      throw new PolicyParseError(
        '$',
        `policy is ${input.length} characters, over the ${POLICY_LIMITS.maxJsonChars} limit`,
      );
    }
    try {
      value = JSON.parse(input);
    } catch (cause) {
      throw new PolicyParseError(
        '$',
        `not valid JSON (${cause instanceof Error ? cause.message : String(cause)})`,
        {
          cause,
        },
      );
    }
  }
  checkBounds(value);
  if (!isObject(value)) throw new PolicyParseError('$', 'expected a JSON object');
  for (const key of Object.keys(value)) {
    if (!['Version', 'Id', 'Statement'].includes(key)) {
      throw new PolicyParseError(`$.${key}`, 'unknown policy element (expected Version, Id, Statement)');
    }
  }
  const version = value['Version'];
  if (version !== undefined && version !== '2012-10-17' && version !== '2008-10-17') {
    throw new PolicyParseError('$.Version', 'expected "2012-10-17" or "2008-10-17"');
  }
  const rawStatements = value['Statement'];
  if (rawStatements === undefined) throw new PolicyParseError('$.Statement', 'missing');
  const list = Array.isArray(rawStatements) ? rawStatements : [rawStatements];
  if (list.length === 0) throw new PolicyParseError('$.Statement', 'expected at least one statement');
  if (list.length > POLICY_LIMITS.maxStatements) {
    throw new PolicyParseError(
      '$.Statement',
      `${list.length} statements, over the ${POLICY_LIMITS.maxStatements} limit`,
    );
  }
  const statementPath = (i: number): string =>
    Array.isArray(rawStatements) ? `$.Statement[${i}]` : '$.Statement';
  const statements = list.map((s, i) => parseStatement(s, i, statementPath(i), kind));
  const raw: JsonObject = { ...(value as JsonObject), Statement: list as JsonValue[] };
  return { kind, version: version ?? undefined, statements, raw };
}

function parseStatement(value: unknown, index: number, path: string, kind: PolicyKind): PolicyStatement {
  if (!isObject(value)) throw new PolicyParseError(path, 'expected a statement object');
  for (const key of Object.keys(value)) {
    if (!STATEMENT_KEYS.has(key)) throw new PolicyParseError(`${path}.${key}`, 'unknown statement element');
  }
  const sid = value['Sid'];
  if (sid !== undefined && typeof sid !== 'string')
    throw new PolicyParseError(`${path}.Sid`, 'expected a string');
  const effect = value['Effect'];
  if (effect !== 'Allow' && effect !== 'Deny') {
    throw new PolicyParseError(`${path}.Effect`, 'expected "Allow" or "Deny"');
  }
  const principal = optionalPrincipal(value, 'Principal', path);
  const notPrincipal = optionalPrincipal(value, 'NotPrincipal', path);
  if (principal && notPrincipal) {
    throw new PolicyParseError(
      `${path}.NotPrincipal`,
      'a statement cannot have both Principal and NotPrincipal',
    );
  }
  if (kind === 'identity' && (principal || notPrincipal)) {
    throw new PolicyParseError(
      `${path}.${principal ? 'Principal' : 'NotPrincipal'}`,
      'an identity policy statement must not name a principal',
    );
  }
  if (kind !== 'identity' && !principal && !notPrincipal) {
    throw new PolicyParseError(
      `${path}.Principal`,
      `missing: a ${kind} policy statement must name a principal`,
    );
  }
  const action = optionalStrings(value, 'Action', path)?.map((a) => a.toLowerCase());
  const notAction = optionalStrings(value, 'NotAction', path)?.map((a) => a.toLowerCase());
  if (action && notAction)
    throw new PolicyParseError(`${path}.NotAction`, 'a statement cannot have both Action and NotAction');
  if (!action && !notAction)
    throw new PolicyParseError(`${path}.Action`, 'missing: expected Action or NotAction');
  for (const [name, list] of [
    ['Action', action],
    ['NotAction', notAction],
  ] as const) {
    list?.forEach((a, i) => {
      if (a !== '*' && !/^[a-z0-9-]+:[a-z0-9*?_-]+$/i.test(a)) {
        throw new PolicyParseError(
          `${path}.${name}[${i}]`,
          `"${a}" is not an action ("service:Action", wildcards allowed)`,
        );
      }
    });
  }
  const resource = optionalStrings(value, 'Resource', path);
  const notResource = optionalStrings(value, 'NotResource', path);
  if (resource && notResource) {
    throw new PolicyParseError(
      `${path}.NotResource`,
      'a statement cannot have both Resource and NotResource',
    );
  }
  if (kind === 'identity' && !resource && !notResource) {
    throw new PolicyParseError(
      `${path}.Resource`,
      'missing: an identity policy statement needs Resource or NotResource',
    );
  }
  const conditions = parseConditions(value['Condition'], `${path}.Condition`);
  return {
    index,
    sid,
    effect,
    principal,
    notPrincipal,
    action,
    notAction,
    resource,
    notResource,
    conditions,
    raw: value as JsonObject,
    compiled: {
      action: action?.map((a) => compilePattern(a, true)),
      notAction: notAction?.map((a) => compilePattern(a, true)),
      resource: resource?.map((r) => compilePattern(r, false)),
      notResource: notResource?.map((r) => compilePattern(r, false)),
      principal: principal?.map(compilePrincipal),
      notPrincipal: notPrincipal?.map(compilePrincipal),
    },
  };
}

function optionalPrincipal(
  statement: Record<string, unknown>,
  name: 'Principal' | 'NotPrincipal',
  path: string,
): PrincipalEntry[] | undefined {
  const value = statement[name];
  const here = `${path}.${name}`;
  if (value === undefined) return undefined;
  if (value === '*') return [{ type: '*', value: '*' }];
  if (!isObject(value)) throw new PolicyParseError(here, 'expected "*" or an object like {"AWS": "..."}');
  const entries: PrincipalEntry[] = [];
  for (const [type, raw] of Object.entries(value)) {
    if (!PRINCIPAL_TYPES.has(type)) {
      throw new PolicyParseError(
        `${here}.${type}`,
        'unknown principal type (expected AWS, Service, Federated, CanonicalUser)',
      );
    }
    const values = stringList(raw, `${here}.${type}`);
    values.forEach((v, i) => {
      if (v.length === 0) throw new PolicyParseError(`${here}.${type}[${i}]`, 'empty principal');
      if (type === 'AWS' && v !== '*' && v.includes('*')) {
        throw new PolicyParseError(
          `${here}.${type}[${i}]`,
          'partial wildcards are not allowed in a principal',
        );
      }
      entries.push({ type: type as PrincipalEntry['type'], value: v });
    });
  }
  if (entries.length === 0) throw new PolicyParseError(here, 'names no principal');
  return entries;
}

function optionalStrings(
  statement: Record<string, unknown>,
  name: string,
  path: string,
): string[] | undefined {
  const value = statement[name];
  if (value === undefined) return undefined;
  const list = stringList(value, `${path}.${name}`);
  if (list.length === 0) throw new PolicyParseError(`${path}.${name}`, 'expected at least one value');
  return list;
}

function stringList(value: unknown, path: string): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) throw new PolicyParseError(path, 'expected a string or an array of strings');
  return value.map((v, i) => {
    if (typeof v !== 'string') throw new PolicyParseError(`${path}[${i}]`, 'expected a string');
    return v;
  });
}

function parseConditions(value: unknown, path: string): ConditionClause[] {
  if (value === undefined) return [];
  if (!isObject(value)) throw new PolicyParseError(path, 'expected an object of operators');
  const clauses: ConditionClause[] = [];
  for (const [operatorName, block] of Object.entries(value)) {
    const here = `${path}.${operatorName}`;
    let rest = operatorName;
    let qualifier: SetQualifier | undefined;
    const colon = rest.indexOf(':');
    if (colon >= 0) {
      const prefix = rest.slice(0, colon).toLowerCase();
      if (prefix === 'foranyvalue') qualifier = 'ForAnyValue';
      else if (prefix === 'forallvalues') qualifier = 'ForAllValues';
      else throw new PolicyParseError(here, 'unknown set qualifier (expected ForAnyValue: or ForAllValues:)');
      rest = rest.slice(colon + 1);
    }
    const ifExists = /ifexists$/i.test(rest);
    const baseName = ifExists ? rest.slice(0, -'IfExists'.length) : rest;
    const operator = findConditionOperator(baseName);
    if (!operator) throw new PolicyParseError(here, `unknown condition operator "${operatorName}"`);
    if (operator.isNull && (ifExists || qualifier)) {
      throw new PolicyParseError(here, 'Null takes no set qualifier and no IfExists');
    }
    if (!isObject(block)) throw new PolicyParseError(here, 'expected an object of condition keys');
    for (const [key, raw] of Object.entries(block)) {
      const keyPath = `${here}.${key}`;
      if (!/^[a-z0-9-]+:[^\s]+$/i.test(key))
        throw new PolicyParseError(keyPath, 'not a condition key ("service:Name")');
      const list = Array.isArray(raw) ? raw : [raw];
      const values = list.map((v, i) => {
        if (typeof v === 'string') return v;
        if (typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return String(v);
        throw new PolicyParseError(
          Array.isArray(raw) ? `${keyPath}[${i}]` : keyPath,
          'expected a string, number or boolean',
        );
      });
      if (values.length === 0) throw new PolicyParseError(keyPath, 'expected at least one value');
      if (operator.isNull && values.some((v) => v !== 'true' && v !== 'false')) {
        throw new PolicyParseError(keyPath, 'Null expects "true" or "false"');
      }
      clauses.push({ operatorName, operator, qualifier, ifExists, key, keyLower: key.toLowerCase(), values });
    }
  }
  return clauses;
}

/** Depth and size bounds: walks iteratively so deep nesting cannot overflow the stack. */
function checkBounds(root: unknown): void {
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    nodes += 1;
    if (nodes > POLICY_LIMITS.maxNodes) {
      throw new PolicyParseError('$', `more than ${POLICY_LIMITS.maxNodes} JSON values`);
    }
    if (depth > POLICY_LIMITS.maxDepth)
      throw new PolicyParseError('$', `nested deeper than ${POLICY_LIMITS.maxDepth} levels`);
    if (typeof value === 'string' && value.length > POLICY_LIMITS.maxJsonChars) {
      throw new PolicyParseError('$', 'a string value is too long');
    }
    if (value !== null && typeof value === 'object') {
      const children = Array.isArray(value) ? value : Object.values(value);
      for (const child of children) stack.push({ value: child, depth: depth + 1 });
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
