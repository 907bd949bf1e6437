import {
  CreateSnapshotCommand,
  CreateVolumeCommand,
  EC2Client,
  ModifyEbsDefaultKmsKeyIdCommand,
  ModifyImageAttributeCommand,
  RegisterImageCommand,
} from '@aws-sdk/client-ec2';
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateAliasCommand, CreateKeyCommand, DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import type { InventoryEmulator } from './inventoryEmulator';

export const SOURCE = '111111111111';
export const CONSUMER = '222222222222';
export const THIRD = '333333333333';
export const REGION = 'us-east-1';
export const OTHER_REGION = 'eu-west-1';
export const ORG_ARN = 'arn:aws:organizations::111111111111:organization/o-abcdefghij';
export const OU_ARN = 'arn:aws:organizations::111111111111:ou/o-abcdefghij/ou-ab12-cdefgh12';

export const SHARED_KEY_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${SOURCE}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'Allow use of the key',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${CONSUMER}:root` },
      Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
      Resource: '*',
    },
  ],
});

export interface Seeded {
  readonly sharedKeyArn: string;
  readonly awsManagedKeyArn: string;
  readonly otherRegionKeyArn: string;
  readonly images: { readonly shared: string; readonly twoKeys: string; readonly third: string };
  readonly snapshots: { readonly cmk: string; readonly awsManaged: string };
}

async function snapshotWithKey(ec2: EC2Client, kmsKeyId?: string): Promise<string> {
  const vol = await ec2.send(
    new CreateVolumeCommand({
      AvailabilityZone: `${REGION}a`,
      Size: 8,
      Encrypted: true,
      ...(kmsKeyId ? { KmsKeyId: kmsKeyId } : {}),
    }),
  );
  const snap = await ec2.send(new CreateSnapshotCommand({ VolumeId: vol.VolumeId ?? '' }));
  return snap.SnapshotId ?? '';
}

async function register(ec2: EC2Client, name: string, snapshotIds: string[]): Promise<string> {
  const out = await ec2.send(
    new RegisterImageCommand({
      Name: name,
      RootDeviceName: '/dev/xvda',
      BlockDeviceMappings: snapshotIds.map((id, i) => ({
        DeviceName: `/dev/xvd${'abcd'[i]}`,
        Ebs: { SnapshotId: id },
      })),
    }),
  );
  return out.ImageId ?? '';
}

/**
 * Account SOURCE: a customer managed key (alias/golden, policy granting CONSUMER) and the AWS
 * managed EBS key; three AMIs whose snapshots use them (one AMI with both), shared with CONSUMER,
 * the organization and an OU; another key in OTHER_REGION set as the EBS default there.
 * Account CONSUMER: the Image Builder cross-account role trusting SOURCE, with a KMS inline policy.
 */
export async function seedOrganizationAccounts(emulator: InventoryEmulator): Promise<Seeded> {
  const ec2 = new EC2Client(await emulator.config(SOURCE, REGION));
  const kms = new KMSClient(await emulator.config(SOURCE, REGION));
  const key = await kms.send(new CreateKeyCommand({ Policy: SHARED_KEY_POLICY, Description: 'golden AMIs' }));
  const sharedKeyArn = key.KeyMetadata?.Arn ?? '';
  await kms.send(
    new CreateAliasCommand({ AliasName: 'alias/golden', TargetKeyId: key.KeyMetadata?.KeyId ?? '' }),
  );
  const cmkSnap = await snapshotWithKey(ec2, sharedKeyArn);
  const awsSnap = await snapshotWithKey(ec2); // EBS default: moto creates alias/aws/ebs on first use
  const shared = await register(ec2, 'shared-golden', [cmkSnap]);
  const twoKeys = await register(ec2, 'two-keys', [cmkSnap, awsSnap]);
  const third = await register(ec2, 'third', [cmkSnap]);
  await ec2.send(
    new ModifyImageAttributeCommand({
      ImageId: shared,
      LaunchPermission: {
        Add: [{ UserId: CONSUMER }, { OrganizationArn: ORG_ARN }, { OrganizationalUnitArn: OU_ARN }],
      },
    }),
  );
  const awsManaged = await kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/ebs' }));

  const kmsOther = new KMSClient(await emulator.config(SOURCE, OTHER_REGION));
  const otherKey = await kmsOther.send(new CreateKeyCommand({ Description: 'eu default' }));
  const ec2Other = new EC2Client(await emulator.config(SOURCE, OTHER_REGION));
  await ec2Other.send(new ModifyEbsDefaultKmsKeyIdCommand({ KmsKeyId: otherKey.KeyMetadata?.KeyId ?? '' }));

  const iam = new IAMClient(await emulator.config(CONSUMER, REGION));
  await iam.send(
    new CreateRoleCommand({
      RoleName: 'EC2ImageBuilderDistributionCrossAccountRole',
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${SOURCE}:root` }, Action: 'sts:AssumeRole' },
        ],
      }),
    }),
  );
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: 'EC2ImageBuilderDistributionCrossAccountRole',
      PolicyName: 'kms',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }],
      }),
    }),
  );
  const policy = await iam.send(
    new CreatePolicyCommand({
      PolicyName: 'Ec2ImageBuilderCrossAccountDistributionAccess',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['ec2:DescribeImages', 'ec2:CopyImage'], Resource: '*' }],
      }),
    }),
  );
  await iam.send(
    new AttachRolePolicyCommand({
      RoleName: 'EC2ImageBuilderDistributionCrossAccountRole',
      PolicyArn: policy.Policy?.Arn ?? '',
    }),
  );
  return {
    sharedKeyArn,
    awsManagedKeyArn: awsManaged.KeyMetadata?.Arn ?? '',
    otherRegionKeyArn: otherKey.KeyMetadata?.Arn ?? '',
    images: { shared, twoKeys, third },
    snapshots: { cmk: cmkSnap, awsManaged: awsSnap },
  };
}
