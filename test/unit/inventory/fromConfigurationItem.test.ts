import { describe, expect, it } from 'vitest';
import type { ConfigurationItem } from '../../../rules/core/configEvent';
import { InvalidInputError } from '../../../rules/core/errors';
import { known } from '../../../rules/inventory/fact';
import { fromConfigurationItem } from '../../../rules/inventory/fromConfigurationItem';
import {
  distributionConfigurationFromApi,
  imagePipelineFromApi,
  imageRecipeFromApi,
} from '../../../rules/inventory/live/readImageBuilder';
import { keyFromApi } from '../../../rules/inventory/live/readKms';

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const DC_ARN = `arn:aws:imagebuilder:${REGION}:${ACCOUNT}:distribution-configuration/golden-ami`;
const RECIPE_ARN = `arn:aws:imagebuilder:${REGION}:${ACCOUNT}:image-recipe/golden/1.0.0`;
const PIPELINE_ARN = `arn:aws:imagebuilder:${REGION}:${ACCOUNT}:image-pipeline/golden`;

function item(
  resourceType: string,
  configuration: unknown,
  supplementaryConfiguration?: Record<string, unknown>,
): ConfigurationItem {
  return {
    configurationItemCaptureTime: '2026-01-01T00:00:00.000Z',
    configurationItemStatus: 'OK',
    resourceType,
    resourceId: 'id',
    awsAccountId: ACCOUNT,
    awsRegion: REGION,
    configuration,
    ...(supplementaryConfiguration ? { supplementaryConfiguration } : {}),
  } as ConfigurationItem;
}

describe('fromConfigurationItem gives the same model objects as the API path', () => {
  it('AWS::ImageBuilder::DistributionConfiguration (PascalCase) equals GetDistributionConfiguration (camelCase)', () => {
    // Prepare
    const ci = item('AWS::ImageBuilder::DistributionConfiguration', {
      Arn: DC_ARN,
      Name: 'golden-ami',
      Description: '...',
      Distributions: [
        {
          Region: REGION,
          AmiDistributionConfiguration: {
            Name: 'golden-{{ imagebuilder:buildDate }}',
            KmsKeyId: KEY_ARN,
            TargetAccountIds: ['444455556666'],
            LaunchPermissionConfiguration: {
              UserIds: ['777788889999'],
              UserGroups: ['all'],
              OrganizationArns: [],
              OrganizationalUnitArns: [],
            },
          },
          LaunchTemplateConfigurations: [
            { AccountId: '444455556666', LaunchTemplateId: 'lt-0123', SetDefaultVersion: true },
          ],
          LicenseConfigurationArns: [],
        },
      ],
    });
    const api = distributionConfigurationFromApi({
      arn: DC_ARN,
      name: 'golden-ami',
      description: '...',
      timeoutMinutes: 720,
      distributions: [
        {
          region: REGION,
          amiDistributionConfiguration: {
            name: 'golden-{{ imagebuilder:buildDate }}',
            kmsKeyId: KEY_ARN,
            targetAccountIds: ['444455556666'],
            launchPermission: {
              userIds: ['777788889999'],
              userGroups: ['all'],
              organizationArns: [],
              organizationalUnitArns: [],
            },
          },
          launchTemplateConfigurations: [
            { accountId: '444455556666', launchTemplateId: 'lt-0123', setDefaultVersion: true },
          ],
          licenseConfigurationArns: [],
        },
      ],
    });
    // Act
    const converted = fromConfigurationItem(ci);
    // Assess
    expect(converted.value).toEqual(api);
    expect(api.distributions[0]?.amiDistributionConfiguration?.launchPermission?.userGroups).toEqual(['all']);
  });

  it('AWS::ImageBuilder::ImageRecipe equals GetImageRecipe, with Encrypted as a boolean', () => {
    const ci = item('AWS::ImageBuilder::ImageRecipe', {
      Arn: RECIPE_ARN,
      Name: 'golden',
      Version: '1.0.0',
      ParentImage: 'ami-0123456789abcdef0',
      Components: [],
      BlockDeviceMappings: [
        { DeviceName: '/dev/xvda', Ebs: { Encrypted: 'true', KmsKeyId: 'alias/aws/ebs', VolumeSize: 8 } },
      ],
    });
    const api = imageRecipeFromApi({
      arn: RECIPE_ARN,
      name: 'golden',
      version: '1.0.0',
      parentImage: 'ami-0123456789abcdef0',
      blockDeviceMappings: [
        { deviceName: '/dev/xvda', ebs: { encrypted: true, kmsKeyId: 'alias/aws/ebs', volumeSize: 8 } },
      ],
    });
    expect(fromConfigurationItem(ci).value).toEqual(api);
  });

  it('AWS::ImageBuilder::ImagePipeline equals the pipeline from ListImagePipelines', () => {
    const ci = item('AWS::ImageBuilder::ImagePipeline', {
      Arn: PIPELINE_ARN,
      Name: 'golden',
      ImageRecipeArn: RECIPE_ARN,
      DistributionConfigurationArn: DC_ARN,
      InfrastructureConfigurationArn: `arn:aws:imagebuilder:${REGION}:${ACCOUNT}:infrastructure-configuration/x`,
      Status: 'ENABLED',
    });
    const api = imagePipelineFromApi({
      arn: PIPELINE_ARN,
      name: 'golden',
      imageRecipeArn: RECIPE_ARN,
      distributionConfigurationArn: DC_ARN,
      infrastructureConfigurationArn: `arn:aws:imagebuilder:${REGION}:${ACCOUNT}:infrastructure-configuration/x`,
      status: 'ENABLED',
    });
    expect(fromConfigurationItem(ci).value).toEqual(api);
  });

  it('AWS::KMS::Key (camelCase, supplementaryConfiguration.Policy) equals DescribeKey + GetKeyPolicy', () => {
    const policy = '{"Version":"2012-10-17","Statement":[]}';
    const ci = item(
      'AWS::KMS::Key',
      {
        keyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
        arn: KEY_ARN,
        creationDate: 1621024924302,
        enabled: true,
        description: 'golden',
        keyUsage: 'ENCRYPT_DECRYPT',
        keyState: 'PendingDeletion',
        deletionDate: 1767225600000,
        origin: 'AWS_KMS',
        keyManager: 'CUSTOMER',
      },
      { Policy: policy, KeyRotationStatus: 'TRUE' },
    );
    const api = keyFromApi(
      {
        KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
        Arn: KEY_ARN,
        Enabled: true,
        Description: 'golden',
        KeyState: 'PendingDeletion',
        DeletionDate: new Date(1767225600000),
        Origin: 'AWS_KMS',
        KeyManager: 'CUSTOMER',
      },
      [],
      known(policy),
    );
    expect(fromConfigurationItem(ci).value).toEqual(api);
  });

  it('gives an unknown policy, not an empty one, when the KMS item has no Policy', () => {
    const ci = item('AWS::KMS::Key', {
      keyId: 'k',
      arn: KEY_ARN,
      enabled: true,
      keyState: 'Enabled',
      keyManager: 'AWS',
    });
    const converted = fromConfigurationItem(ci);
    expect(converted.resourceType === 'AWS::KMS::Key' && converted.value.policy).toMatchObject({
      status: 'unknown',
      reason: { code: 'NotFound' },
    });
  });

  it.each([
    [
      'a distribution without its Region',
      item('AWS::ImageBuilder::DistributionConfiguration', { Name: 'x', Distributions: [{}] }),
      'configurationItem.configuration.Distributions[0].Region',
    ],
    [
      'a recipe without ParentImage',
      item('AWS::ImageBuilder::ImageRecipe', { Name: 'x', Version: '1.0.0' }),
      'configurationItem.configuration.ParentImage',
    ],
    ['an unsupported resource type', item('AWS::EC2::Instance', {}), 'configurationItem.resourceType'],
  ])('rejects %s, naming the path', (_name, ci, path) => {
    let caught: unknown;
    try {
      fromConfigurationItem(ci);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    expect((caught as InvalidInputError).path).toBe(path);
  });
});
