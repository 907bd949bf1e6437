import { AccountClient, ListRegionsCommand } from '@aws-sdk/client-account';
import {
  DescribeImagesCommand,
  DescribeRegionsCommand,
  DescribeSnapshotsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  GetDistributionConfigurationCommand,
  GetImageRecipeCommand,
  ImagebuilderClient,
  ListDistributionConfigurationsCommand,
  ListImageBuildVersionsCommand,
  ListImagePipelinesCommand,
  ListImageRecipesCommand,
  ListImagesCommand,
} from '@aws-sdk/client-imagebuilder';
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  KMSClient,
  ListAliasesCommand,
  ListKeysCommand,
} from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { INVENTORY_READ_ACTIONS } from '../../../rules/inventory/readPermissions';
import { LiveInventorySource } from '../../../rules/inventory/live/LiveInventorySource';

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';
const configFor = (_a: string, region: string) => ({
  region,
  credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'x' },
});
const source = () => new LiveInventorySource({ configFor, homeRegion: 'us-east-1' });

const ib = mockClient(ImagebuilderClient);
const account = mockClient(AccountClient);
const ec2 = mockClient(EC2Client);
const kms = mockClient(KMSClient);
afterEach(() => {
  ib.reset();
  account.reset();
  ec2.reset();
  kms.reset();
});

function awsError(name: string, message = name) {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 } });
}

describe('Live source: Image Builder (SDK-shaped mocked responses)', () => {
  it('reads distribution configurations, recipes, pipelines and built images into the model', async () => {
    // Prepare
    const dcArn = `arn:aws:imagebuilder:${REGION}:${ACCOUNT}:distribution-configuration/golden`;
    const recipeArn = `arn:aws:imagebuilder:${REGION}:${ACCOUNT}:image-recipe/golden/1.0.0`;
    ib.on(ListDistributionConfigurationsCommand).resolves({
      distributionConfigurationSummaryList: [{ arn: dcArn, name: 'golden' }],
    });
    ib.on(GetDistributionConfigurationCommand).resolves({
      distributionConfiguration: {
        arn: dcArn,
        name: 'golden',
        timeoutMinutes: 720,
        distributions: [
          {
            region: REGION,
            amiDistributionConfiguration: {
              name: 'golden-{{ imagebuilder:buildDate }}',
              kmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/golden`,
              targetAccountIds: ['222222222222'],
              launchPermission: {
                organizationalUnitArns: [
                  'arn:aws:organizations::111111111111:ou/o-abcdefghij/ou-ab12-cdefgh12',
                ],
              },
            },
          },
        ],
      },
    });
    ib.on(ListImageRecipesCommand).resolves({ imageRecipeSummaryList: [{ arn: recipeArn, name: 'golden' }] });
    ib.on(GetImageRecipeCommand).resolves({
      imageRecipe: {
        arn: recipeArn,
        name: 'golden',
        version: '1.0.0',
        parentImage: 'ami-0123456789abcdef0',
        components: [],
        blockDeviceMappings: [
          { deviceName: '/dev/xvda', ebs: { encrypted: true, kmsKeyId: 'alias/aws/ebs', volumeSize: 8 } },
        ],
      },
    });
    ib.on(ListImagePipelinesCommand).resolves({
      imagePipelineList: [
        {
          arn: `arn:aws:imagebuilder:${REGION}:${ACCOUNT}:image-pipeline/golden`,
          name: 'golden',
          imageRecipeArn: recipeArn,
          distributionConfigurationArn: dcArn,
          status: 'ENABLED',
        },
      ],
    });
    const versionArn = `arn:aws:imagebuilder:${REGION}:${ACCOUNT}:image/golden/1.0.0`;
    ib.on(ListImagesCommand).resolves({
      imageVersionList: [{ arn: versionArn, name: 'golden', version: '1.0.0' }],
    });
    ib.on(ListImageBuildVersionsCommand).resolves({
      imageSummaryList: [
        {
          arn: `${versionArn}/1`,
          name: 'golden',
          version: '1.0.0/1',
          outputResources: { amis: [{ region: REGION, image: 'ami-0aaaaaaaaaaaaaaaa', accountId: ACCOUNT }] },
        },
      ],
    });

    // Act
    const fact = await source().imageBuilder(ACCOUNT, REGION);

    // Assess
    expect(fact.status).toBe('known');
    if (fact.status !== 'known') return;
    expect(fact.value.distributionConfigurations[0]?.distributions[0]?.amiDistributionConfiguration).toEqual({
      name: 'golden-{{ imagebuilder:buildDate }}',
      kmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/golden`,
      targetAccountIds: ['222222222222'],
      launchPermission: {
        organizationalUnitArns: ['arn:aws:organizations::111111111111:ou/o-abcdefghij/ou-ab12-cdefgh12'],
      },
    });
    expect(fact.value.imageRecipes[0]).toEqual({
      arn: recipeArn,
      name: 'golden',
      version: '1.0.0',
      parentImage: 'ami-0123456789abcdef0',
      blockDeviceMappings: [
        { deviceName: '/dev/xvda', ebs: { encrypted: true, kmsKeyId: 'alias/aws/ebs', volumeSize: 8 } },
      ],
    });
    expect(fact.value.imagePipelines[0]?.distributionConfigurationArn).toBe(dcArn);
    expect(fact.value.images[0]?.outputAmis).toEqual([
      { region: REGION, imageId: 'ami-0aaaaaaaaaaaaaaaa', accountId: ACCOUNT },
    ]);
    expect(ib.commandCalls(ListImageRecipesCommand)[0]?.args[0].input).toEqual({ owner: 'Self' });
    const called = ib
      .calls()
      .map((c) => `imagebuilder:${(c.args[0] as object).constructor.name.replace(/Command$/, '')}`);
    expect(called.filter((api) => !INVENTORY_READ_ACTIONS.includes(api))).toEqual([]);
  });

  it('gives an AccessDenied unknown naming the API when Image Builder refuses', async () => {
    ib.on(ListDistributionConfigurationsCommand).rejects(awsError('AccessDeniedException', 'not authorized'));
    const fact = await source().imageBuilder(ACCOUNT, REGION);
    expect(fact).toMatchObject({
      status: 'unknown',
      reason: { code: 'AccessDenied', api: 'imagebuilder:ListDistributionConfigurations' },
    });
  });
});

describe('Live source: Region opt-in', () => {
  it('reads account:ListRegions statuses', async () => {
    account.on(ListRegionsCommand).resolves({
      Regions: [
        { RegionName: 'eu-west-1', RegionOptStatus: 'ENABLED_BY_DEFAULT' },
        { RegionName: 'af-south-1', RegionOptStatus: 'DISABLED' },
        { RegionName: 'me-central-1', RegionOptStatus: 'ENABLED' },
      ],
    });
    expect(await source().regionOptIn(ACCOUNT)).toEqual({
      status: 'known',
      value: { 'eu-west-1': 'ENABLED_BY_DEFAULT', 'af-south-1': 'DISABLED', 'me-central-1': 'ENABLED' },
    });
  });

  it('falls back to ec2:DescribeRegions (AllRegions) when the Account API is denied', async () => {
    account.on(ListRegionsCommand).rejects(awsError('AccessDeniedException'));
    ec2.on(DescribeRegionsCommand).resolves({
      Regions: [
        { RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required' },
        { RegionName: 'af-south-1', OptInStatus: 'not-opted-in' },
        { RegionName: 'me-central-1', OptInStatus: 'opted-in' },
      ],
    });
    const fact = await source().regionOptIn(ACCOUNT);
    expect(fact).toEqual({
      status: 'known',
      value: { 'eu-west-1': 'ENABLED_BY_DEFAULT', 'af-south-1': 'DISABLED', 'me-central-1': 'ENABLED' },
    });
    expect(ec2.commandCalls(DescribeRegionsCommand)[0]?.args[0].input).toEqual({ AllRegions: true });
  });

  it('is unknown with the Account API reason when both reads fail', async () => {
    account.on(ListRegionsCommand).rejects(awsError('AccessDeniedException'));
    ec2.on(DescribeRegionsCommand).rejects(awsError('UnauthorizedOperation'));
    expect(await source().regionOptIn(ACCOUNT)).toMatchObject({
      status: 'unknown',
      reason: { code: 'AccessDenied', api: 'account:ListRegions' },
    });
  });
});

describe('Live source: failures become typed unknowns', () => {
  it.each([
    ['ThrottlingException', 'Throttled'],
    ['AccessDeniedException', 'AccessDenied'],
    ['OptInRequired', 'RegionDisabled'],
    ['NotFoundException', 'NotFound'],
    ['TimeoutError', 'Timeout'],
    ['InternalFailure', 'Error'],
  ])('a key policy read failing with %s is unknown with code %s, other keys are read', async (name, code) => {
    kms.on(ListKeysCommand).resolves({ Keys: [{ KeyId: 'k1' }, { KeyId: 'k2' }] });
    kms.on(ListAliasesCommand).resolves({ Aliases: [] });
    kms.on(DescribeKeyCommand).callsFake((input: { KeyId: string }) => ({
      KeyMetadata: {
        KeyId: input.KeyId,
        Arn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/${input.KeyId}`,
        KeyManager: 'CUSTOMER',
        KeyState: 'Enabled',
        Enabled: true,
        Origin: 'AWS_KMS',
      },
    }));
    kms.on(GetKeyPolicyCommand, { KeyId: 'k1' }).rejects(awsError(name));
    kms
      .on(GetKeyPolicyCommand, { KeyId: 'k2' })
      .resolves({ Policy: '{"Version":"2012-10-17","Statement":[]}' });

    const keys = await source().keys(ACCOUNT, REGION);

    expect(keys.status).toBe('known');
    if (keys.status !== 'known') return;
    expect(keys.value[0]?.policy).toMatchObject({
      status: 'unknown',
      reason: { code, api: 'kms:GetKeyPolicy' },
    });
    expect(keys.value[1]?.policy).toEqual({
      status: 'known',
      value: '{"Version":"2012-10-17","Statement":[]}',
    });
  });

  it('reads nothing once the signal is aborted: facts are Timeout unknowns', async () => {
    const controller = new AbortController();
    controller.abort();
    const s = new LiveInventorySource({ configFor, signal: controller.signal });
    expect(await s.images(ACCOUNT, REGION)).toMatchObject({ status: 'unknown', reason: { code: 'Timeout' } });
    expect(ec2.commandCalls(DescribeImagesCommand)).toHaveLength(0);
  });
});

describe('Live source: AMIs shared with the account (consumer side)', () => {
  it('lists foreign AMIs with their snapshots where visible and NotFound unknowns where not', async () => {
    ec2.on(DescribeImagesCommand).resolves({
      Images: [
        {
          ImageId: 'ami-0bbbbbbbbbbbbbbbb',
          OwnerId: '999999999999',
          Public: false,
          State: 'available',
          BlockDeviceMappings: [
            { DeviceName: '/dev/xvda', Ebs: { SnapshotId: 'snap-0aaaaaaaaaaaaaaaa', Encrypted: true } },
            { DeviceName: '/dev/xvdb', Ebs: { SnapshotId: 'snap-0bbbbbbbbbbbbbbbb', Encrypted: true } },
          ],
        },
        {
          ImageId: 'ami-0ccccccccccccccccc',
          OwnerId: ACCOUNT,
          Public: false,
          State: 'available',
          BlockDeviceMappings: [],
        },
      ],
    });
    ec2.on(DescribeSnapshotsCommand).resolves({
      Snapshots: [
        {
          SnapshotId: 'snap-0aaaaaaaaaaaaaaaa',
          OwnerId: '999999999999',
          Encrypted: true,
          KmsKeyId: `arn:aws:kms:${REGION}:999999999999:key/abc`,
        },
      ],
    });

    const fact = await source().sharedWithMe(ACCOUNT, REGION);

    expect(fact.status).toBe('known');
    if (fact.status !== 'known') return;
    expect(fact.value.map((i) => i.imageId)).toEqual(['ami-0bbbbbbbbbbbbbbbb']);
    expect(fact.value[0]?.snapshots[0]?.snapshot).toMatchObject({
      status: 'known',
      value: { kmsKeyId: `arn:aws:kms:${REGION}:999999999999:key/abc` },
    });
    expect(fact.value[0]?.snapshots[1]?.snapshot).toMatchObject({
      status: 'unknown',
      reason: { code: 'NotFound' },
    });
    expect(ec2.commandCalls(DescribeImagesCommand)[0]?.args[0].input).toMatchObject({
      ExecutableUsers: ['self'],
    });
  });
});
