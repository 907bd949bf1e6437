import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedDocs } from '../../../rules/inventory/writeGeneratedDocs';
import { INVENTORY_READ_ACTIONS } from '../../../rules/inventory/readPermissions';

describe('Generated inventory documents', () => {
  it.each(Object.entries(generatedDocs()))(
    '%s is up to date with the model (regenerate with npx tsx rules/inventory/writeGeneratedDocs.ts)',
    (path, expected) => {
      // Act
      const committed = readFileSync(path, 'utf8');
      // Assess
      expect(committed).toBe(expected);
    },
  );

  it('lists only read-only actions (no Decrypt, GetObject, GetParameter, Put, Create, Delete)', () => {
    const forbidden =
      /:(Decrypt|GetObject|GetParameter|GetSecretValue|Put|Create|Delete|Update|Modify|Generate)/;
    expect(INVENTORY_READ_ACTIONS.filter((a) => forbidden.test(a))).toEqual([]);
    expect(INVENTORY_READ_ACTIONS.every((a) => /^[a-z0-9-]+:(Describe|Get|List)[A-Za-z]+$/.test(a))).toBe(
      true,
    );
  });
});
