import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../rules/core/errors';
import {
  loadInventoryFile,
  parseInventory,
  writeInventoryFile,
} from '../../../rules/inventory/inventoryFile';
import { inventory } from '../../fixtures/inventory';

function validInventory() {
  return inventory()
    .org({ managementAccountId: '111111111111' })
    .account('111111111111', (a) =>
      a.region('eu-west-1', (r) =>
        r.key({ aliases: ['alias/ami'] }).image({ snapshots: [{ key: 'alias/ami' }] }),
      ),
    )
    .account('222222222222', (a) =>
      a.region('eu-west-1', (r) =>
        r
          .key()
          .key()
          .key()
          .key({ aliases: ['alias/x'] }),
      ),
    )
    .build();
}

type Json = Record<string, unknown>;
const clone = (): Json => JSON.parse(JSON.stringify(validInventory())) as Json;
// Navigates a JSON object by path segments (test helper over plain data).
function at(root: unknown, ...path: (string | number)[]): Json {
  let cur: unknown = root;
  for (const p of path) cur = (cur as Record<string | number, unknown>)[p];
  return cur as Json;
}

const malformed: { name: string; mutate: (j: Json) => unknown; path: string; problem: RegExp }[] = [
  {
    name: 'a key ARN that is not a KMS key ARN',
    mutate: (j) => ((at(j, 'accounts', 1, 'regions', 0, 'keys', 'value', 3).arn = 'arn:aws:s3:::bucket'), j),
    path: 'accounts[1].regions[0].keys.value[3].arn',
    problem: /expected a KMS key ARN/,
  },
  {
    name: 'an account id that is not 12 digits',
    mutate: (j) => ((at(j, 'accounts', 0).accountId = '1234'), j),
    path: 'accounts[0].accountId',
    problem: /12-digit AWS account id/,
  },
  {
    name: 'a format version this reader does not know',
    mutate: (j) => ((j.formatVersion = 2), j),
    path: 'formatVersion',
    problem: /unsupported format version 2/,
  },
  {
    name: 'no format version at all',
    mutate: (j) => (delete j.formatVersion, j),
    path: 'formatVersion',
    problem: /missing/,
  },
  {
    name: 'a fact with an unknown status',
    mutate: (j) => ((at(j, 'accounts', 0).roles = { status: 'maybe', value: [] }), j),
    path: 'accounts[0].roles.status',
    problem: /./,
  },
  {
    name: 'an unknown fact without its reason',
    mutate: (j) => ((at(j, 'accounts', 0).roles = { status: 'unknown' }), j),
    path: 'accounts[0].roles.reason',
    problem: /./,
  },
  {
    name: 'an unknown reason code',
    mutate: (j) => (
      (at(j, 'accounts', 0).roles = { status: 'unknown', reason: { code: 'Oops', message: 'x' } }),
      j
    ),
    path: 'accounts[0].roles.reason.code',
    problem: /AccessDenied/,
  },
  {
    name: 'a Region name that is not one',
    mutate: (j) => ((at(j, 'accounts', 0, 'regions', 0).region = 'Europe'), j),
    path: 'accounts[0].regions[0].region',
    problem: /AWS Region name/,
  },
  {
    name: 'an unexpected property (typo) in an image',
    mutate: (j) => ((at(j, 'accounts', 0, 'regions', 0, 'images', 'value', 0).imageID = 'ami-1'), j),
    path: 'accounts[0].regions[0].images.value[0]',
    problem: /imageID/,
  },
  {
    name: 'an OU path not in the aws:PrincipalOrgPaths form',
    mutate: (j) => ((at(j, 'organization', 'value', 'accounts', 0).ouPath = 'root/ou-x'), j),
    path: 'organization.value.accounts[0].ouPath',
    problem: /PrincipalOrgPaths/,
  },
  {
    name: 'a snapshot key that is a boolean',
    mutate: (j) => ((at(j, 'accounts', 0, 'regions', 0, 'snapshots', 'value', 0).kmsKeyId = true), j),
    path: 'accounts[0].regions[0].snapshots.value[0].kmsKeyId',
    problem: /string/,
  },
  {
    name: 'an array instead of an object',
    mutate: () => [],
    path: '$',
    problem: /expected an inventory object/,
  },
];

describe('Inventory file', () => {
  it.each(malformed)('rejects $name, naming $path', ({ mutate, path, problem }) => {
    // Prepare
    const input = mutate(clone());
    // Act
    let caught: unknown;
    try {
      parseInventory(input);
    } catch (error) {
      caught = error;
    }
    // Assess
    expect(caught).toBeInstanceOf(InvalidInputError);
    const error = caught as InvalidInputError;
    expect(error.path).toBe(path);
    expect(error.message).toMatch(problem);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
  });

  it('rejects text that is not JSON', () => {
    expect(() => parseInventory('{"formatVersion": 1,')).toThrow(/^\$: not valid JSON/);
  });

  it('writes a file that loads back to an equal inventory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'asg-inv-'));
    const path = join(dir, 'sub', 'inventory.json');
    const inv = validInventory();
    await writeInventoryFile(path, inv);
    expect(await loadInventoryFile(path)).toEqual(inv);
    expect((await readFile(path, 'utf8')).endsWith('\n')).toBe(true);
  });

  it('names the file and the path when a file is invalid', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'asg-inv-'));
    const path = join(dir, 'bad.json');
    const j = clone();
    at(j, 'accounts', 0).accountId = 'abc';
    await writeFile(path, JSON.stringify(j));
    await expect(loadInventoryFile(path)).rejects.toThrow(
      `${path}: accounts[0].accountId: expected a 12-digit`,
    );
  });

  it('refuses to write an invalid inventory', async () => {
    const inv = validInventory();
    const broken = { ...inv, partition: 'nope' };
    await expect(writeInventoryFile(join(tmpdir(), 'never.json'), broken)).rejects.toThrow(/^partition: /);
  });
});
