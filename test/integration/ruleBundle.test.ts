import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import {
  CreateVolumeCommand,
  CreateSnapshotCommand,
  EC2Client,
  RegisterImageCommand,
} from '@aws-sdk/client-ec2';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { ruleEsbuildOptions } from '../../infra/ruleBundling';
import { probe, type ProbeConfig } from '../fixtures/bundling/sdkProbe';
import { emulatorConfig, resetEmulator } from '../support/emulator';

describe('Rule function bundles (esbuild options and plugins of the CDK app)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asg-bundle-test-'));
  let bundled: { probe: typeof probe };

  beforeAll(async () => {
    const outfile = join(dir, 'probe.mjs');
    await build(ruleEsbuildOptions(join(__dirname, '../fixtures/bundling/sdkProbe.ts'), outfile));
    bundled = (await import(pathToFileURL(outfile).href)) as { probe: typeof probe };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads AMIs, snapshots and keys exactly as the unbundled SDK does', async () => {
    // Prepare: an encrypted snapshot behind an AMI, in an emulated account.
    await resetEmulator();
    const config = await emulatorConfig('111111111111', 'eu-west-1');
    const key = await new KMSClient(config).send(new CreateKeyCommand({ Description: 'ami key' }));
    const ec2 = new EC2Client(config);
    const volume = await ec2.send(
      new CreateVolumeCommand({
        AvailabilityZone: 'eu-west-1a',
        Size: 8,
        Encrypted: true,
        KmsKeyId: key.KeyMetadata?.Arn,
      }),
    );
    const snapshot = await ec2.send(new CreateSnapshotCommand({ VolumeId: volume.VolumeId }));
    await ec2.send(
      new RegisterImageCommand({
        Name: 'bundled-probe',
        RootDeviceName: '/dev/xvda',
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: snapshot.SnapshotId } }],
      }),
    );
    const probeConfig = config as unknown as ProbeConfig;

    // Act
    const fromBundle = await bundled.probe(probeConfig);
    const fromSource = await probe(probeConfig);

    // Assess
    expect(fromBundle).toEqual(fromSource);
    expect(JSON.stringify(fromBundle)).toContain(snapshot.SnapshotId ?? 'missing');
    expect(JSON.stringify(fromBundle)).toContain(key.KeyMetadata?.Arn ?? 'missing');
  });
});
