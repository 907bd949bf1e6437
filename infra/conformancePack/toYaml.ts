/** A JSON value as a CloudFormation template holds it. */
export type TemplateValue = string | number | boolean | null | readonly TemplateValue[] | TemplateObject;
export interface TemplateObject {
  readonly [key: string]: TemplateValue;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_:.-]*$/;

function scalar(value: string | number | boolean | null): string {
  // JSON strings are valid YAML double-quoted scalars: no ambiguity (yes/no, octal, dates).
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function key(name: string): string {
  return PLAIN_KEY.test(name) ? name : JSON.stringify(name);
}

function isEmptyCollection(value: TemplateValue): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

function lines(value: TemplateValue, indent: string): string[] {
  if (Array.isArray(value)) {
    const items = value as readonly TemplateValue[];
    return items.flatMap((item) => {
      if (typeof item !== 'object' || item === null || isEmptyCollection(item)) {
        return [`${indent}- ${inline(item)}`];
      }
      const [first, ...rest] = lines(item, `${indent}  `);
      return [`${indent}- ${(first ?? '').trimStart()}`, ...rest];
    });
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value as TemplateObject).flatMap(([name, child]) => {
      if (typeof child !== 'object' || child === null || isEmptyCollection(child)) {
        return [`${indent}${key(name)}: ${inline(child)}`];
      }
      return [`${indent}${key(name)}:`, ...lines(child, `${indent}  `)];
    });
  }
  return [`${indent}${scalar(value)}`];
}

function inline(value: TemplateValue): string {
  if (Array.isArray(value)) return '[]';
  if (typeof value === 'object' && value !== null) return '{}';
  return scalar(value);
}

/**
 * Block-style YAML for a CloudFormation template (objects, arrays, scalars only). Strings are
 * always double-quoted, so the output reads back exactly as the input.
 */
export function toYaml(value: TemplateObject, header: readonly string[] = []): string {
  return [...header.map((line) => `# ${line}`), ...lines(value, '')].join('\n') + '\n';
}
