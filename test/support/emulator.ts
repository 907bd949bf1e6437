import { inject } from 'vitest';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';

/** The account moto attributes requests to when they are signed with the base credentials. */
export const EMULATOR_DEFAULT_ACCOUNT = '123456789012';

/** The credentials moto attributes to {@link EMULATOR_DEFAULT_ACCOUNT} (e.g. a Lambda's own role in tests). */
export const EMULATOR_BASE_CREDENTIALS: AwsCredentialIdentity = {
  accessKeyId: 'AKIAEMULATOR00000000',
  secretAccessKey: 'emulator',
};
const baseCredentials = EMULATOR_BASE_CREDENTIALS;

const credentialCache = new Map<string, AwsCredentialIdentity>();

export function emulatorEndpoint(): string {
  return inject('emulatorEndpoint');
}

/**
 * Forgets every resource in every account and region of the emulator, and the assumed-role
 * credentials handed out before (moto forgets them too: reused, they would silently land in the
 * default account).
 */
export async function resetEmulator(): Promise<void> {
  const res = await fetch(`${emulatorEndpoint()}/moto-api/reset`, { method: 'POST' });
  if (!res.ok) throw new Error(`emulator reset failed: HTTP ${res.status}`);
  credentialCache.clear();
}

/** The SDK v3 client configuration shared by every emulator client. */
export interface EmulatorClientConfig {
  endpoint: string;
  region: string;
  credentials: AwsCredentialIdentity;
  forcePathStyle: boolean;
  maxAttempts: number;
}

/**
 * Credentials for `accountId` in the emulator. moto maps the credentials that STS
 * AssumeRole returns to the account of the assumed role, exactly as a member-account
 * role works in a real organization.
 */
export async function emulatorCredentials(accountId: string): Promise<AwsCredentialIdentity> {
  if (accountId === EMULATOR_DEFAULT_ACCOUNT) return baseCredentials;
  const cached = credentialCache.get(`${emulatorEndpoint()}|${accountId}`);
  if (cached) return cached;
  const sts = new STSClient({
    endpoint: emulatorEndpoint(),
    region: 'us-east-1',
    credentials: baseCredentials,
  });
  const out = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/emulator-admin`,
      RoleSessionName: 'tests',
    }),
  );
  const c = out.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error('emulator AssumeRole returned no credentials');
  const creds: AwsCredentialIdentity = {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
  };
  credentialCache.set(`${emulatorEndpoint()}|${accountId}`, creds);
  return creds;
}

/** Client configuration for `accountId` and `region`: pass it to any SDK v3 client constructor. */
export async function emulatorConfig(accountId: string, region = 'us-east-1'): Promise<EmulatorClientConfig> {
  return {
    endpoint: emulatorEndpoint(),
    region,
    credentials: await emulatorCredentials(accountId),
    forcePathStyle: true,
    maxAttempts: 1,
  };
}

/**
 * The shared emulator as an object, for test helpers that pass it around: its endpoint, reset,
 * and per-account credentials and client configuration.
 */
export class EmulatorSession {
  protected constructor(readonly endpoint: string) {}

  static async start(): Promise<EmulatorSession> {
    return new EmulatorSession(emulatorEndpoint());
  }

  reset(): Promise<void> {
    return resetEmulator();
  }

  /** The shared emulator outlives a test file: nothing to stop. */
  async stop(): Promise<void> {}

  /** Credentials for an account: moto maps AssumeRole credentials to the role's account. */
  credentialsFor(accountId: string): Promise<AwsCredentialIdentity> {
    return emulatorCredentials(accountId);
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
