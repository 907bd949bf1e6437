import {
  CreateSnapshotCommand,
  CreateVolumeCommand,
  EC2Client,
  ModifyImageAttributeCommand,
  RegisterImageCommand,
} from '@aws-sdk/client-ec2';
import { CreateKeyCommand, KMSClient, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScanResult } from '../../rules/output/scanResult';
import { flattenFindings } from '../../rules/output/flattenFindings';
import {
  EMULATOR_BASE_CREDENTIALS,
  EMULATOR_DEFAULT_ACCOUNT,
  emulatorEndpoint,
  resetEmulator,
} from '../support/emulator';
import { buildCli, runCli } from './support/runCli';

/**
 * `scan` against live AWS, as a user runs it, with the project's AWS emulator (moto, over HTTP) in
 * place of AWS: `--endpoint` is the hidden flag for that. It runs in the integration project, on the
 * shared emulator (`*.emulator.test.ts` under test/e2e).
 */
const OWNER = EMULATOR_DEFAULT_ACCOUNT; // moto's account for the base credentials
const CONSUMER = '444455556666';
const REGION = 'us-east-1';
const CREDENTIALS = EMULATOR_BASE_CREDENTIALS;

let endpoint: string;
let keyArn: string;
let imageId: string;

function policy(statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

const rootDelegation = {
  Sid: 'Enable IAM User Permissions',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${OWNER}:root` },
  Action: 'kms:*',
  Resource: '*',
};

function scan(extra: readonly string[] = []) {
  return runCli(
    [
      'scan',
      '--regions',
      REGION,
      '--endpoint',
      endpoint,
      '--rules',
      'shared-ami-key-grants-consumers',
      ...extra,
    ],
    {
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      AWS_REGION: '',
      AWS_PROFILE: '',
    },
  );
}

beforeAll(async () => {
  await buildCli();
  await resetEmulator();
  endpoint = emulatorEndpoint();
  const config = { endpoint, region: REGION, credentials: CREDENTIALS };
  const kms = new KMSClient(config);
  const ec2 = new EC2Client(config);
  // An AMI shared with CONSUMER whose key policy only delegates to the owner account (L1 and L2).
  const key = await kms.send(
    new CreateKeyCommand({ Description: 'L1-live-broken', Policy: policy([rootDelegation]) }),
  );
  keyArn = key.KeyMetadata?.Arn ?? '';
  const volume = await ec2.send(
    new CreateVolumeCommand({ AvailabilityZone: `${REGION}a`, Size: 8, Encrypted: true, KmsKeyId: keyArn }),
  );
  const snapshot = await ec2.send(new CreateSnapshotCommand({ VolumeId: volume.VolumeId }));
  const image = await ec2.send(
    new RegisterImageCommand({
      Name: 'L1-live-broken',
      RootDeviceName: '/dev/xvda',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: snapshot.SnapshotId } }],
    }),
  );
  imageId = image.ImageId ?? '';
  await ec2.send(
    new ModifyImageAttributeCommand({ ImageId: imageId, LaunchPermission: { Add: [{ UserId: CONSUMER }] } }),
  );
  kms.destroy();
  ec2.destroy();
}, 300_000);

describe('scan of live AWS (the emulator) with the built command', () => {
  it('reads the account and reports the shared AMI NON_COMPLIANT for its consumer (L1), exit 1', async () => {
    const r = await scan(['--format', 'json']);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(1);
    const result = parseScanResult(r.stdout);
    expect(result.source.kind).toBe('live');
    const ami = flattenFindings(result.findings).find(
      ({ finding }) => finding.resourceId === imageId,
    )?.finding;
    expect(ami?.compliance).toBe('NON_COMPLIANT');
    expect(ami?.scenarios).toContain('L1');
    expect(result.resourceNames?.[imageId]).toBe('L1-live-broken');
  });

  it('reports it COMPLIANT, exit 0, once the key policy names the consumer as the article says', async () => {
    const kms = new KMSClient({ endpoint, region: REGION, credentials: CREDENTIALS });
    const consumerRoot = `arn:aws:iam::${CONSUMER}:root`;
    await kms.send(
      new PutKeyPolicyCommand({
        KeyId: keyArn,
        PolicyName: 'default',
        Policy: policy([
          rootDelegation,
          {
            Sid: 'Allow use of the key',
            Effect: 'Allow',
            Principal: { AWS: consumerRoot },
            Action: [
              'kms:Encrypt',
              'kms:Decrypt',
              'kms:ReEncrypt*',
              'kms:GenerateDataKey*',
              'kms:DescribeKey',
            ],
            Resource: '*',
          },
          {
            Sid: 'Allow attachment of persistent resources',
            Effect: 'Allow',
            Principal: { AWS: consumerRoot },
            Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
            Resource: '*',
            Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
          },
        ]),
      }),
    );
    kms.destroy();
    const r = await scan(['--format', 'json']);
    const result = parseScanResult(r.stdout);
    const ami = flattenFindings(result.findings).find(
      ({ finding }) => finding.resourceId === imageId,
    )?.finding;
    expect(ami?.compliance).toBe('COMPLIANT');
    expect(r.code).toBe(0);
  });
});
