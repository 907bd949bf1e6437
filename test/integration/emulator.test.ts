import { beforeEach, describe, expect, it } from 'vitest';
import { KMSClient, CreateKeyCommand, ListKeysCommand } from '@aws-sdk/client-kms';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { emulatorConfig, resetEmulator } from '../support/emulator';

describe('AWS emulator harness', () => {
  beforeEach(resetEmulator);

  it('gives each account its own identity and its own resources', async () => {
    const a = await emulatorConfig('111111111111');
    const b = await emulatorConfig('222222222222');
    const who = await new STSClient(b).send(new GetCallerIdentityCommand({}));
    expect(who.Account).toBe('222222222222');

    const created = await new KMSClient(a).send(new CreateKeyCommand({ Description: 'in A' }));
    expect(created.KeyMetadata?.AWSAccountId).toBe('111111111111');
    const inA = await new KMSClient(a).send(new ListKeysCommand({}));
    const inB = await new KMSClient(b).send(new ListKeysCommand({}));
    expect(inA.Keys?.map((k) => k.KeyId)).toEqual([created.KeyMetadata?.KeyId]);
    expect(inB.Keys ?? []).toEqual([]);
  });

  it('forgets everything on reset', async () => {
    const a = await emulatorConfig('111111111111');
    await new KMSClient(a).send(new CreateKeyCommand({}));
    await resetEmulator();
    const keys = await new KMSClient(a).send(new ListKeysCommand({}));
    expect(keys.Keys ?? []).toEqual([]);
  });

  it('hands out fresh account credentials after a reset, so nothing lands in the default account', async () => {
    await emulatorConfig('111111111111');
    await resetEmulator();
    const again = await emulatorConfig('111111111111');
    const who = await new STSClient(again).send(new GetCallerIdentityCommand({}));
    expect(who.Account).toBe('111111111111');
  });
});
