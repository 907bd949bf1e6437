import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import type { ClientConfigFor } from '../../../rules/inventory/live/AwsClients';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

/** The account moto attributes base-credential requests to. */
export const DEFAULT_ACCOUNT = '123456789012';
const baseCredentials: AwsCredentialIdentity = {
  accessKeyId: 'AKIAEMULATOR00000000',
  secretAccessKey: 'emulator',
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      if (address === null || typeof address === 'string') return reject(new Error('no port'));
      srv.close(() => resolve(address.port));
    });
  });
}

/**
 * The project's moto emulator plus the inventory tests' patches
 * (`emulator/inventory_extensions.py`: AMIs with their registered snapshots, snapshot KMS keys,
 * AWS managed key labels, GetEbsDefaultKmsKeyId). One instance for this test file.
 */
export class InventoryEmulator {
  private readonly credentials = new Map<string, AwsCredentialIdentity>();

  private constructor(
    readonly endpoint: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(): Promise<InventoryEmulator> {
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const child = spawn(
      path.join(root, '.venv/bin/python'),
      [path.join(here, 'emulator/inventory_server.py'), String(port)],
      {
        cwd: path.join(here, 'emulator'),
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, MOTO_ALLOW_NONEXISTENT_REGION: 'true' },
      },
    );
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
    const started = Date.now();
    while (Date.now() - started < 30_000) {
      if (child.exitCode !== null) throw new Error(`inventory emulator exited: ${stderr}`);
      try {
        if ((await fetch(`${endpoint}/moto-api/`)).ok) return new InventoryEmulator(endpoint, child);
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    throw new Error(`inventory emulator did not start: ${stderr}`);
  }

  async reset(): Promise<void> {
    const res = await fetch(`${this.endpoint}/moto-api/reset`, { method: 'POST' });
    if (!res.ok) throw new Error(`reset failed: HTTP ${res.status}`);
    // moto forgets the access keys AssumeRole issued: stale ones would map to the default account.
    this.credentials.clear();
  }

  async stop(): Promise<void> {
    this.child.kill('SIGTERM');
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => (this.child.kill('SIGKILL'), resolve()), 3000);
      this.child.once('exit', () => (clearTimeout(t), resolve()));
    });
  }

  /** Credentials for an account: moto maps AssumeRole credentials to the role's account. */
  async credentialsFor(accountId: string): Promise<AwsCredentialIdentity> {
    if (accountId === DEFAULT_ACCOUNT) return baseCredentials;
    const hit = this.credentials.get(accountId);
    if (hit) return hit;
    const sts = new STSClient({ endpoint: this.endpoint, region: 'us-east-1', credentials: baseCredentials });
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${accountId}:role/emulator-admin`,
        RoleSessionName: 'tests',
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error('AssumeRole returned no credentials');
    const creds = {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken ?? '',
    };
    this.credentials.set(accountId, creds);
    return creds;
  }

  async config(accountId: string, region: string) {
    return {
      endpoint: this.endpoint,
      region,
      credentials: await this.credentialsFor(accountId),
      maxAttempts: 1,
    };
  }

  /** `configFor` for the live source; `self` is `selfAccountId`; `denied` accounts cannot be reached. */
  configFor(options: { selfAccountId?: string; denied?: readonly string[] } = {}): ClientConfigFor {
    return (accountId, region) => {
      const id = accountId === 'self' ? (options.selfAccountId ?? DEFAULT_ACCOUNT) : accountId;
      if (options.denied?.includes(id)) {
        // What a member account whose read role cannot be assumed gives: STS AccessDenied.
        return {
          endpoint: this.endpoint,
          region,
          maxAttempts: 1,
          credentials: async () => {
            throw Object.assign(
              new Error(
                `User is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${id}:role/Read`,
              ),
              { name: 'AccessDenied' },
            );
          },
        };
      }
      return { endpoint: this.endpoint, region, maxAttempts: 1, credentials: () => this.credentialsFor(id) };
    };
  }
}
