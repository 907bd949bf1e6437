import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ConfigServiceClient,
  paginateGetComplianceDetailsByConfigRule,
  type EvaluationResult,
} from '@aws-sdk/client-config-service';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import type { ConfigRuleHandlerOptions } from '../../../../../rules/core/createConfigRuleHandler';
import { createCapturingLogger } from '../../../../../rules/core/logger';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../../../..');

/** The account moto attributes base-credential requests to. */
export const DEFAULT_ACCOUNT = '123456789012';
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
 * A moto emulator for the launch rules' handler tests: the project's extensions (PutEvaluations
 * recorded, GetComplianceDetailsByConfigRule), the inventory tests' patches (AMIs with their
 * registered snapshots, snapshot keys, AWS managed key labels) and `launch_extensions.py` (AMIs
 * shared with an account appear in its DescribeImages ExecutableUsers=self), without moto's
 * default public AMIs. One instance per test file.
 */
export class LaunchEmulator {
  private readonly credentials = new Map<string, AwsCredentialIdentity>();

  private constructor(
    readonly endpoint: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(): Promise<LaunchEmulator> {
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const child = spawn(
      path.join(root, '.venv/bin/python'),
      [path.join(here, 'emulator/launch_server.py'), String(port)],
      {
        cwd: path.join(here, 'emulator'),
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, MOTO_ALLOW_NONEXISTENT_REGION: 'true', MOTO_EC2_LOAD_DEFAULT_AMIS: 'false' },
      },
    );
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
    const started = Date.now();
    while (Date.now() - started < 30_000) {
      if (child.exitCode !== null) throw new Error(`launch emulator exited: ${stderr}`);
      try {
        if ((await fetch(`${endpoint}/moto-api/`)).ok) return new LaunchEmulator(endpoint, child);
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    throw new Error(`launch emulator did not start: ${stderr}`);
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
    if (accountId === DEFAULT_ACCOUNT) return BASE_CREDENTIALS;
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

  /**
   * Handler options against this emulator. Single-account mode: the evaluated account's own
   * credentials. Organization mode (the event carries ExecutionRoleName): STS AssumeRole through
   * the emulator, which maps the assumed role to its account.
   */
  async handlerOptions(
    accountId: string,
    region: string,
    organization = false,
  ): Promise<ConfigRuleHandlerOptions> {
    const { logger } = createCapturingLogger();
    return organization
      ? {
          logger,
          stsClientConfig: { endpoint: this.endpoint, region, credentials: BASE_CREDENTIALS },
          awsConfigOverrides: { endpoint: this.endpoint, maxAttempts: 1 },
          region,
        }
      : {
          logger,
          awsConfigOverrides: {
            endpoint: this.endpoint,
            maxAttempts: 1,
            credentials: await this.credentialsFor(accountId),
          },
          region,
        };
  }

  /** The evaluations the emulator recorded for `ruleName` in the account (PutEvaluations observed). */
  async recorded(accountId: string, region: string, ruleName: string): Promise<EvaluationResult[]> {
    const client = new ConfigServiceClient(await this.config(accountId, region));
    const out: EvaluationResult[] = [];
    for await (const page of paginateGetComplianceDetailsByConfigRule(
      { client, pageSize: 100 },
      {
        ConfigRuleName: ruleName,
        ComplianceTypes: ['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE'],
        Limit: 100,
      },
    )) {
      out.push(...(page.EvaluationResults ?? []));
    }
    return out;
  }
}

/** `TYPE ID COMPLIANCE` lines of recorded evaluations, sorted. */
export function brief(results: readonly EvaluationResult[]): string[] {
  return results
    .map((r) => {
      const q = r.EvaluationResultIdentifier?.EvaluationResultQualifier;
      return `${q?.ResourceType} ${q?.ResourceId} ${r.ComplianceType}`;
    })
    .sort();
}
