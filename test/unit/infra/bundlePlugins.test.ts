import { describe, expect, it } from 'vitest';
import { inlineSchemaKeys } from '../../../infra/bundlePlugins';

describe('inlineSchemaKeys', () => {
  it('turns computed keys naming the module string constants into the same literal keys', () => {
    const source = [
      'const _xN = "xmlName";',
      'const _eQN = "ec2QueryName";',
      'export var A$ = [3, n0, _A, 0, [_B], [[() => B$, { [_eQN]: `DryRun`, [_xN]: _b }]]];',
    ].join('\n');

    const out = inlineSchemaKeys(source);

    expect(out).toContain('{ "ec2QueryName": `DryRun`, "xmlName": _b }');
  });

  it('leaves computed keys it cannot prove to be string constants as they are', () => {
    const source = [
      'let _x = "mutable";',
      'const _n = 42;',
      'var o = { [_x]: 1, [_n]: 2, [_missing]: 3 };',
    ].join('\n');

    expect(inlineSchemaKeys(source)).toBe(source);
  });

  it('keeps escaped quotes inside the constants', () => {
    const source = ['const _q = "a\\"b";', 'var o = { [_q]: 1 };'].join('\n');

    expect(inlineSchemaKeys(source)).toContain('{ "a\\"b": 1 }');
  });
});
