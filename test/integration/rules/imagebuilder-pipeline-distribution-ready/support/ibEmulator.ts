import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../../../..');

export const EMULATOR_DEFAULT_ACCOUNT = '123456789012';
export const BASE_CREDENTIALS: AwsCredentialIdentity = {
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
 * The project's emulator (test/emulator/server.py, with its EC2/KMS extensions) started for the
 * Image Builder handler tests by `emulator/ib_server.py`, which also makes IAM know the AWS managed
 * policy `Ec2ImageBuilderCrossAccountDistributionAccess` (D8): the shared emulator loads no AWS
 * managed policies, and moto offers no API to turn that on at run time.
 */
export class IbEmulator {
  private readonly credentials = new Map<string, AwsCredentialIdentity>();

  private constructor(
    readonly endpoint: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(): Promise<IbEmulator> {
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const child = spawn(
      path.join(root, '.venv/bin/python'),
      [path.join(here, 'emulator/ib_server.py'), String(port)],
      {
        cwd: path.join(root, 'test/emulator'),
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, MOTO_ALLOW_NONEXISTENT_REGION: 'true' },
      },
    );
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
    const started = Date.now();
    while (Date.now() - started < 30_000) {
      if (child.exitCode !== null) throw new Error(`emulator exited: ${stderr}`);
      try {
        if ((await fetch(`${endpoint}/moto-api/`)).ok) return new IbEmulator(endpoint, child);
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    throw new Error(`emulator did not start: ${stderr}`);
  }

  async reset(): Promise<void> {
    const res = await fetch(`${this.endpoint}/moto-api/reset`, { method: 'POST' });
    if (!res.ok) throw new Error(`reset failed: HTTP ${res.status}`);
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
    if (accountId === EMULATOR_DEFAULT_ACCOUNT) return BASE_CREDENTIALS;
    const hit = this.credentials.get(accountId);
    if (hit) return hit;
    const sts = new STSClient({
      endpoint: this.endpoint,
      region: 'us-east-1',
      credentials: BASE_CREDENTIALS,
    });
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
}
