import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../cli/main';
import { loadInventoryFile } from '../../../rules/inventory/inventoryFile';
import { DEFAULT_ACCOUNT, InventoryEmulator } from './inventoryEmulator';
import type { Seeded } from './seedOrganizationAccounts';
import { REGION, SOURCE, seedOrganizationAccounts } from './seedOrganizationAccounts';

let emulator: InventoryEmulator;
let seeded: Seeded;
const savedEnv = { ...process.env };

beforeAll(async () => {
  emulator = await InventoryEmulator.start();
});
afterAll(async () => {
  await emulator.stop();
});
beforeEach(async () => {
  await emulator.reset();
  seeded = await seedOrganizationAccounts(emulator);
  // The caller: the emulator's default account, with base credentials from the environment.
  process.env.AWS_ACCESS_KEY_ID = 'AKIAEMULATOR00000000';
  process.env.AWS_SECRET_ACCESS_KEY = 'emulator';
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_SESSION_TOKEN;
});
afterEach(() => {
  process.env = { ...savedEnv };
  vi.restoreAllMocks();
});

describe('ami-share-guard collect', () => {
  it('writes an inventory file of the caller and a member account read through the role, with a summary line', async () => {
    // Prepare
    const out = join(await mkdtemp(join(tmpdir(), 'asg-collect-')), 'inv.json');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);

    // Act
    const code = await main([
      'node',
      'ami-share-guard',
      'collect',
      '--out',
      out,
      '--regions',
      REGION,
      '--accounts',
      `${DEFAULT_ACCOUNT},${SOURCE}`,
      '--role-name',
      'AmiShareGuardRead',
      '--endpoint',
      emulator.endpoint,
    ]);

    // Assess
    expect(code).toBe(0);
    const inv = await loadInventoryFile(out);
    expect(inv.source.kind).toBe('live');
    expect(inv.accounts.map((a) => a.accountId)).toEqual([DEFAULT_ACCOUNT, SOURCE]);
    const images = inv.accounts[1]!.regions[0]!.images;
    expect(images.status === 'known' && images.value.map((i) => i.imageId).sort()).toEqual(
      Object.values(seeded.images).sort(),
    );
    const summary = stderr.mock.calls.map((c) => String(c[0])).join('');
    expect(summary).toMatch(
      new RegExp(
        `wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 2 account\\(s\\), 2 account-Region\\(s\\): \\d+ keys, 3 AMIs`,
      ),
    );
    expect(summary).toMatch(/unknown facts: .*\d+ API calls/);
    expect(JSON.parse(await readFile(out, 'utf8')).formatVersion).toBe(1);
  });

  it('refuses --org without --role-name (exit 2)', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const code = await main(['node', 'asg', 'collect', '--out', '/tmp/x.json', '--regions', REGION, '--org']);
    expect(code).toBe(2);
    expect(err.mock.calls.flat().join(' ')).toMatch(/--role-name/);
  });

  it('rejects a malformed Region list naming the flag (exit 2)', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const code = await main(['node', 'asg', 'collect', '--out', '/tmp/x.json', '--regions', 'Paris']);
    expect(code).toBe(2);
    expect(err.mock.calls.flat().join(' ')).toMatch(/--regions: .*"Paris"/);
  });
});
