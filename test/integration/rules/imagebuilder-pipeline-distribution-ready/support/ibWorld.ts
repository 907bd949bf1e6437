import { AccountClient, ListRegionsCommand } from '@aws-sdk/client-account';
import {
  CreateSnapshotCommand,
  CreateVolumeCommand,
  EC2Client,
  EnableEbsEncryptionByDefaultCommand,
  ModifyEbsDefaultKmsKeyIdCommand,
  RegisterImageCommand,
} from '@aws-sdk/client-ec2';
import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import type { DistributionConfiguration, ImagePipeline, ImageRecipe } from '@aws-sdk/client-imagebuilder';
import {
  GetDistributionConfigurationCommand,
  GetImageRecipeCommand,
  ImagebuilderClient,
  ListDistributionConfigurationsCommand,
  ListImagePipelinesCommand,
  ListImageRecipesCommand,
  ListImagesCommand,
} from '@aws-sdk/client-imagebuilder';
import { CreateKeyCommand, DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import { mockClient } from 'aws-sdk-client-mock';
import type { JsonObject } from '../../../../../rules/core/finding';
import type { IbEmulator } from './ibEmulator';

export const SOURCE = '111111111111';
export const TARGET = '222222222222';
export const REGION = 'eu-west-1';
export const ROLE_NAME = 'EC2ImageBuilderDistributionCrossAccountRole';
export const RECIPE_ARN = `arn:aws:imagebuilder:${REGION}:${SOURCE}:image-recipe/golden/1.0.0`;
export const DC_ARN = `arn:aws:imagebuilder:${REGION}:${SOURCE}:distribution-configuration/golden`;
export const PIPELINE_ARN = `arn:aws:imagebuilder:${REGION}:${SOURCE}:image-pipeline/golden`;

export const rootArn = (accountId: string) => `arn:aws:iam::${accountId}:root`;
export const rootDelegation = (accountId: string): JsonObject => ({
  Sid: 'Enable IAM User Permissions',
  Effect: 'Allow',
  Principal: { AWS: rootArn(accountId) },
  Action: 'kms:*',
  Resource: '*',
});
export const allowUse = (accountIds: readonly string[]): JsonObject => ({
  Sid: 'Allow use of the key',
  Effect: 'Allow',
  Principal: { AWS: accountIds.map(rootArn) },
  Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
  Resource: '*',
});
export const allowGrants = (accountIds: readonly string[]): JsonObject => ({
  Sid: 'Allow attachment of persistent resources',
  Effect: 'Allow',
  Principal: { AWS: accountIds.map(rootArn) },
  Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
  Resource: '*',
  Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
});

/** One setup of seed article 004, broken in at most one place. Defaults: the fixed setup. */
export interface World {
  readonly recipeKey?: 'cmk' | 'aws-managed' | 'none';
  readonly parentSnapshots?: readonly ('cmk' | 'aws-managed' | 'unencrypted')[];
  /** EBS encryption by default on, with the AWS managed default key or the customer managed key. */
  readonly ebsDefault?: 'aws-managed' | 'cmk';
  readonly distKey?: 'cmk' | 'aws-managed' | 'none';
  readonly keyStatements?: readonly JsonObject[];
  readonly launchPermission?: boolean;
  readonly targets?: readonly string[];
  readonly role?: { exists?: boolean; managedPolicy?: boolean; kmsInline?: boolean; trusted?: string };
  readonly targetRegionStatus?: 'ENABLED_BY_DEFAULT' | 'ENABLED' | 'DISABLED';
}

export interface Seeded {
  readonly cmkArn: string;
  readonly awsKeyArn: string;
  readonly parentAmi: string;
  readonly recipe: ImageRecipe;
  readonly distribution: DistributionConfiguration;
  readonly pipeline: ImagePipeline;
}

async function clients(emulator: IbEmulator, accountId: string) {
  const config = await emulator.config(accountId, REGION);
  return { ec2: new EC2Client(config), kms: new KMSClient(config), iam: new IAMClient(config) };
}

/**
 * Builds the world in the emulator (KMS keys and policies, EBS snapshots, the parent AMI, the EBS
 * default, the target account's role) and returns the Image Builder resources, which moto lacks:
 * they are served by `mockImageBuilder` shaped exactly like the real API.
 */
export async function seedWorld(emulator: IbEmulator, w: World = {}): Promise<Seeded> {
  const { ec2, kms } = await clients(emulator, SOURCE);
  const statements = w.keyStatements ?? [rootDelegation(SOURCE), allowUse([TARGET]), allowGrants([TARGET])];
  const cmk = await kms.send(
    new CreateKeyCommand({ Policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }),
  );
  const cmkArn = cmk.KeyMetadata?.Arn ?? '';
  // The AWS managed EBS key: moto creates alias/aws/ebs on the first encrypted volume with no key
  // (the emulator's patch labels it KeyManager AWS).
  await ec2.send(new CreateVolumeCommand({ AvailabilityZone: `${REGION}a`, Size: 1, Encrypted: true }));
  const awsKey = await kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/ebs' }));
  const awsKeyArn = awsKey.KeyMetadata?.Arn ?? '';

  const keyOf = (k: 'cmk' | 'aws-managed') => (k === 'cmk' ? cmkArn : awsKeyArn);
  const snapshots: string[] = [];
  for (const s of w.parentSnapshots ?? ['cmk']) {
    const vol = await ec2.send(
      new CreateVolumeCommand({
        AvailabilityZone: `${REGION}a`,
        Size: 8,
        ...(s === 'unencrypted' ? {} : { Encrypted: true, KmsKeyId: keyOf(s) }),
      }),
    );
    const snap = await ec2.send(new CreateSnapshotCommand({ VolumeId: vol.VolumeId ?? '' }));
    snapshots.push(snap.SnapshotId ?? '');
  }
  const ami = await ec2.send(
    new RegisterImageCommand({
      Name: 'golden-parent',
      RootDeviceName: '/dev/xvda',
      BlockDeviceMappings: snapshots.map((id, i) => ({
        DeviceName: `/dev/xvd${'abcd'[i]}`,
        Ebs: { SnapshotId: id },
      })),
    }),
  );
  const parentAmi = ami.ImageId ?? '';
  if (w.ebsDefault) {
    await ec2.send(new EnableEbsEncryptionByDefaultCommand({}));
    if (w.ebsDefault === 'cmk') await ec2.send(new ModifyEbsDefaultKmsKeyIdCommand({ KmsKeyId: cmkArn }));
  }

  const role = w.role ?? {};
  if (role.exists !== false) {
    const { iam } = await clients(emulator, TARGET);
    await iam.send(
      new CreateRoleCommand({
        RoleName: ROLE_NAME,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: rootArn(role.trusted ?? SOURCE) },
              Action: 'sts:AssumeRole',
            },
          ],
        }),
      }),
    );
    if (role.managedPolicy !== false) {
      await iam.send(
        new AttachRolePolicyCommand({
          RoleName: ROLE_NAME,
          PolicyArn: 'arn:aws:iam::aws:policy/Ec2ImageBuilderCrossAccountDistributionAccess',
        }),
      );
    }
    if (role.kmsInline !== false) {
      await iam.send(
        new PutRolePolicyCommand({
          RoleName: ROLE_NAME,
          PolicyName: 'ImageBuilderKms',
          PolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: [
                  'kms:Encrypt',
                  'kms:Decrypt',
                  'kms:ReEncrypt*',
                  'kms:GenerateDataKey*',
                  'kms:DescribeKey',
                  'kms:CreateGrant',
                  'kms:ListGrants',
                  'kms:RevokeGrant',
                ],
                Resource: '*',
              },
            ],
          }),
        }),
      );
    }
  }

  const recipeKey = w.recipeKey ?? 'cmk';
  const recipe: ImageRecipe = {
    arn: RECIPE_ARN,
    type: 'AMI',
    name: 'golden',
    version: '1.0.0',
    platform: 'Linux',
    owner: SOURCE,
    parentImage: parentAmi,
    components: [{ componentArn: `arn:aws:imagebuilder:${REGION}:aws:component/update-linux/x.x.x` }],
    blockDeviceMappings:
      recipeKey === 'none'
        ? []
        : [
            {
              deviceName: '/dev/xvda',
              ebs: { encrypted: true, kmsKeyId: keyOf(recipeKey), volumeSize: 30, volumeType: 'gp3' },
            },
          ],
    dateCreated: '2026-11-01T00:00:00.000Z',
  };
  const distKey = w.distKey ?? 'cmk';
  const targets = w.targets ?? [TARGET];
  const distribution: DistributionConfiguration = {
    arn: DC_ARN,
    name: 'golden',
    timeoutMinutes: 720,
    distributions: [
      {
        region: REGION,
        amiDistributionConfiguration: {
          name: 'golden-{{ imagebuilder:buildDate }}',
          ...(distKey === 'none' ? {} : { kmsKeyId: keyOf(distKey) }),
          ...(targets.length > 0 ? { targetAccountIds: [...targets] } : {}),
          ...(w.launchPermission ? { launchPermission: { userIds: ['333333333333'] } } : {}),
        },
      },
    ],
    dateCreated: '2026-11-01T00:00:00.000Z',
  };
  const pipeline: ImagePipeline = {
    arn: PIPELINE_ARN,
    name: 'golden',
    platform: 'Linux',
    imageRecipeArn: RECIPE_ARN,
    infrastructureConfigurationArn: `arn:aws:imagebuilder:${REGION}:${SOURCE}:infrastructure-configuration/golden`,
    distributionConfigurationArn: DC_ARN,
    status: 'ENABLED',
    dateCreated: '2026-11-01T00:00:00.000Z',
  };
  return { cmkArn, awsKeyArn, parentAmi, recipe, distribution, pipeline };
}

/**
 * Image Builder (moto has none) and Account ListRegions (moto has no Account API), mocked with
 * aws-sdk-client-mock; every other call goes to the emulator.
 */
export function mockImageBuilderAndRegions(
  seeded: Seeded,
  targetRegionStatus: World['targetRegionStatus'] = 'ENABLED_BY_DEFAULT',
): { ib: AwsClientStub<ImagebuilderClient>; account: AwsClientStub<AccountClient>; restore: () => void } {
  const ib = mockClient(ImagebuilderClient);
  ib.on(ListDistributionConfigurationsCommand).resolves({
    distributionConfigurationSummaryList: [
      { arn: seeded.distribution.arn, name: seeded.distribution.name, regions: [REGION] },
    ],
  });
  ib.on(GetDistributionConfigurationCommand, { distributionConfigurationArn: DC_ARN }).resolves({
    requestId: 'req-1',
    distributionConfiguration: seeded.distribution,
  });
  ib.on(ListImageRecipesCommand).resolves({
    imageRecipeSummaryList: [
      {
        arn: seeded.recipe.arn,
        name: seeded.recipe.name,
        platform: 'Linux',
        owner: SOURCE,
        parentImage: seeded.recipe.parentImage,
      },
    ],
  });
  ib.on(GetImageRecipeCommand, { imageRecipeArn: RECIPE_ARN }).resolves({
    requestId: 'req-2',
    imageRecipe: seeded.recipe,
  });
  ib.on(ListImagePipelinesCommand).resolves({ imagePipelineList: [seeded.pipeline] });
  ib.on(ListImagesCommand).resolves({ imageVersionList: [] });
  const account = mockClient(AccountClient);
  account.on(ListRegionsCommand).resolves({
    Regions: [
      { RegionName: 'us-east-1', RegionOptStatus: 'ENABLED_BY_DEFAULT' },
      { RegionName: REGION, RegionOptStatus: targetRegionStatus },
    ],
  });
  return {
    ib,
    account,
    restore: () => {
      ib.restore();
      account.restore();
    },
  };
}
