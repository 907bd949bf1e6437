import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const fixture = (name: string): string => `test/fixtures/policies/${name}`;

interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `ami-share-guard check-key-access …` from the sources, as a user would with tsx. */
async function cli(args: readonly string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'cli/main.ts', 'check-key-access', ...args],
      {
        cwd: process.cwd(),
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const base = (keyPolicy: string, consumer: string, ...extra: string[]) => [
  '--key-policy',
  fixture(keyPolicy),
  '--key-arn',
  KEY_ARN,
  '--consumer',
  consumer,
  '--purpose',
  'launch',
  '--format',
  'json',
  ...extra,
];

describe('ami-share-guard check-key-access (e2e)', () => {
  it('exits 0 with decision "allowed" when the seed key policy shares the key with 444455556666', async () => {
    const { code, stdout } = await cli(base('key-seed-launch.json', '444455556666'));
    const out = JSON.parse(stdout) as Record<string, unknown>;
    expect(code).toBe(0);
    expect(out).toMatchObject({
      decision: 'allowed',
      missing: [],
      remediation: { keyPolicyStatements: [], identityPolicy: null },
    });
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining(['decision', 'actions', 'missing', 'remediation', 'explanation']),
    );
  });

  it('exits 1 with the missing actions and the statements to add when the key policy omits 444455556666 (L1, L2)', async () => {
    const { code, stdout } = await cli(base('key-root-only.json', '444455556666'));
    const out = JSON.parse(stdout) as {
      decision: string;
      missing: string[];
      remediation: { keyPolicyStatements: { Sid: string }[] };
    };
    expect(code).toBe(1);
    expect(out.decision).toBe('denied');
    expect(out.missing).toContain('kms:CreateGrant');
    expect(out.remediation.keyPolicyStatements.map((s) => s.Sid)).toEqual([
      'Allow use of the key',
      'Allow attachment of persistent resources',
    ]);
  });

  it('judges a role fully: exits 1 without its identity policy (L3), 0 with the seed KmsKeyUsagePolicy', async () => {
    const role = 'arn:aws:iam::444455556666:role/LaunchRole';
    const without = await cli(base('key-seed-launch.json', role));
    const withPolicy = await cli(
      base('key-seed-launch.json', role, '--identity-policy', fixture('identity-kms-key-usage.json')),
    );
    expect(without.code).toBe(1);
    expect(
      (JSON.parse(without.stdout) as { remediation: { identityPolicy: unknown } }).remediation.identityPolicy,
    ).not.toBeNull();
    expect(withPolicy.code).toBe(0);
  });

  it('exits 3 (conditional) naming aws:PrincipalOrgID without --org-id, and 0 with it', async () => {
    const unknown = await cli(base('key-org.json', '444455556666'));
    const known = await cli(base('key-org.json', '444455556666', '--org-id', 'o-abcdefghij'));
    expect(unknown.code).toBe(3);
    expect((JSON.parse(unknown.stdout) as { conditionalKeys: string[] }).conditionalKeys).toEqual([
      'aws:PrincipalOrgID',
    ]);
    expect(known.code).toBe(0);
  });

  it('exits 1 and reports an explicit Deny as such', async () => {
    const { code, stdout } = await cli(base('key-explicit-deny.json', '444455556666'));
    const out = JSON.parse(stdout) as { explanation: string; explicitDenies: { action: string }[] };
    expect(code).toBe(1);
    expect(out.explanation).toContain('DenyDecryptOutsideEc2');
    expect(out.explicitDenies.map((d) => d.action)).toEqual(['kms:Decrypt']);
  });

  it.each([
    [
      'an invalid policy, naming the file and JSON path',
      base('key-invalid-effect.json', '444455556666'),
      'key-invalid-effect.json: $.Statement[1].Effect: expected "Allow" or "Deny"',
    ],
    [
      'a consumer that is neither an account nor a role',
      base('key-seed-launch.json', 'bob'),
      '--consumer: "bob" is neither',
    ],
    ['a missing file', base('nope.json', '444455556666'), 'file not found'],
    [
      'an unknown purpose',
      [...base('key-seed-launch.json', '444455556666'), '--purpose', 'copy'],
      "'copy' is invalid",
    ],
    [
      'a key id instead of a key ARN',
      [
        '--key-policy',
        fixture('key-seed-launch.json'),
        '--key-arn',
        '1234abcd',
        '--consumer',
        '444455556666',
        '--purpose',
        'launch',
      ],
      'keyArn: "1234abcd" is not a KMS key ARN',
    ],
  ])('exits 2 on %s', async (_name, args, message) => {
    const { code, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});
