import {
  CreateSnapshotCommand,
  CreateVolumeCommand,
  EC2Client,
  ModifyImageAttributeCommand,
  RegisterImageCommand,
} from '@aws-sdk/client-ec2';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import type { JsonObject } from '../../../../../rules/core/finding';
import { emulatorConfig } from '../../../../support/emulator';

/** Real resources in the emulator, created through the SDK as a user would. */
export class LaunchSeed {
  constructor(readonly region: string) {}

  private async ec2(accountId: string) {
    return new EC2Client(await emulatorConfig(accountId, this.region));
  }

  async kms(accountId: string) {
    return new KMSClient(await emulatorConfig(accountId, this.region));
  }

  /** A customer managed key with `statements` as its policy; returns its ARN and id. */
  async key(accountId: string, statements: readonly JsonObject[]): Promise<{ arn: string; keyId: string }> {
    const kms = await this.kms(accountId);
    const out = await kms.send(
      new CreateKeyCommand({ Policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }),
    );
    return { arn: out.KeyMetadata?.Arn ?? '', keyId: out.KeyMetadata?.KeyId ?? '' };
  }

  /** An encrypted snapshot (of a new volume) with `keyArn`, or the account's EBS default key (`alias/aws/ebs`). */
  async snapshot(accountId: string, keyArn?: string): Promise<string> {
    const ec2 = await this.ec2(accountId);
    const vol = await ec2.send(
      new CreateVolumeCommand({
        AvailabilityZone: `${this.region}a`,
        Size: 8,
        Encrypted: true,
        ...(keyArn ? { KmsKeyId: keyArn } : {}),
      }),
    );
    const snap = await ec2.send(new CreateSnapshotCommand({ VolumeId: vol.VolumeId ?? '' }));
    return snap.SnapshotId ?? '';
  }

  /** An AMI registered from `snapshotIds`, shared (launch permission) with `sharedWith`. */
  async image(
    accountId: string,
    snapshotIds: readonly string[],
    sharedWith: readonly string[],
  ): Promise<string> {
    const ec2 = await this.ec2(accountId);
    const out = await ec2.send(
      new RegisterImageCommand({
        Name: `golden-${Math.random().toString(36).slice(2, 8)}`,
        RootDeviceName: '/dev/xvda',
        BlockDeviceMappings: snapshotIds.map((id, i) => ({
          DeviceName: `/dev/xvd${'abcd'[i]}`,
          Ebs: { SnapshotId: id },
        })),
      }),
    );
    const imageId = out.ImageId ?? '';
    if (sharedWith.length > 0) {
      await ec2.send(
        new ModifyImageAttributeCommand({
          ImageId: imageId,
          LaunchPermission: { Add: sharedWith.map((UserId) => ({ UserId })) },
        }),
      );
    }
    return imageId;
  }

  /** An IAM role with inline policies (name → document). */
  async role(accountId: string, roleName: string, inline: Record<string, JsonObject>): Promise<string> {
    const iam = new IAMClient(await emulatorConfig(accountId, this.region));
    const out = await iam.send(
      new CreateRoleCommand({
        RoleName: roleName,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        }),
      }),
    );
    for (const [PolicyName, document] of Object.entries(inline)) {
      await iam.send(
        new PutRolePolicyCommand({
          RoleName: roleName,
          PolicyName,
          PolicyDocument: JSON.stringify(document),
        }),
      );
    }
    return out.Role?.RoleId ?? '';
  }
}

export const rootArn = (accountId: string) => `arn:aws:iam::${accountId}:root`;

/** The default key policy's root-delegation statement. */
export const rootDelegation = (accountId: string): JsonObject => ({
  Sid: 'Enable IAM User Permissions',
  Effect: 'Allow',
  Principal: { AWS: rootArn(accountId) },
  Action: 'kms:*',
  Resource: '*',
});

/** The article's "Allow use of the key" statement. */
export const allowUse = (principals: readonly string[]): JsonObject => ({
  Sid: 'Allow use of the key',
  Effect: 'Allow',
  Principal: { AWS: principals.map((p) => (/^\d{12}$/.test(p) ? rootArn(p) : p)) },
  Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
  Resource: '*',
});

/** The article's "Allow attachment of persistent resources" statement. */
export const allowGrants = (principals: readonly string[]): JsonObject => ({
  Sid: 'Allow attachment of persistent resources',
  Effect: 'Allow',
  Principal: { AWS: principals.map((p) => (/^\d{12}$/.test(p) ? rootArn(p) : p)) },
  Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
  Resource: '*',
  Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
});
