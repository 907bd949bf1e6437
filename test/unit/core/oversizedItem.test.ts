import { describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  ConfigServiceClient,
  GetResourceConfigHistoryCommand,
  type ConfigurationItem as ApiConfigurationItem,
} from '@aws-sdk/client-config-service';
import {
  ConfigurationItemUnavailableError,
  InvalidInputError,
  apiItemToEventItem,
  fetchOversizedItem,
} from '../../../rules/core';
import { configurationItem, configurationItemSummary } from '../../fixtures/events';

const kmsKeyItem: ApiConfigurationItem = {
  version: '1.3',
  accountId: '111111111111',
  configurationItemCaptureTime: new Date('2026-11-23T10:00:00.000Z'),
  configurationItemStatus: 'OK',
  configurationStateId: '1700000000000',
  configurationItemMD5Hash: '',
  arn: 'arn:aws:kms:eu-west-1:111111111111:key/k-1',
  resourceType: 'AWS::KMS::Key',
  resourceId: 'k-1',
  awsRegion: 'eu-west-1',
  availabilityZone: 'Not Applicable',
  resourceCreationTime: new Date('2026-01-01T00:00:00.000Z'),
  tags: { team: 'platform' },
  relatedEvents: [],
  relationships: [],
  configuration: JSON.stringify({ keyId: 'k-1', keyState: 'Enabled', keyManager: 'CUSTOMER' }),
  supplementaryConfiguration: {
    KeyRotationStatus: 'true',
    KeyPolicy: JSON.stringify(JSON.stringify({ Version: '2012-10-17', Statement: [] })),
  },
};

const distributionItem: ApiConfigurationItem = {
  version: '1.3',
  accountId: '111111111111',
  configurationItemCaptureTime: new Date('2026-11-23T09:00:00.000Z'),
  configurationItemStatus: 'ResourceDiscovered',
  configurationStateId: '1700000000001',
  arn: 'arn:aws:imagebuilder:eu-west-1:111111111111:distribution-configuration/golden',
  resourceType: 'AWS::ImageBuilder::DistributionConfiguration',
  resourceId: 'arn:aws:imagebuilder:eu-west-1:111111111111:distribution-configuration/golden',
  resourceName: 'golden',
  awsRegion: 'eu-west-1',
  relationships: [
    {
      resourceType: 'AWS::ImageBuilder::ImagePipeline',
      resourceId: 'arn:aws:imagebuilder:eu-west-1:111111111111:image-pipeline/golden',
      relationshipName: 'Is associated with ImagePipeline',
    },
  ],
  configuration: JSON.stringify({
    Name: 'golden',
    Distributions: [
      {
        Region: 'eu-west-1',
        AmiDistributionConfiguration: {
          KmsKeyId: 'arn:aws:kms:eu-west-1:111111111111:key/k-1',
          TargetAccountIds: ['444455556666'],
        },
      },
    ],
  }),
};

describe('apiItemToEventItem', () => {
  it('renames the API fields of a KMS key item to the event shape and parses its JSON strings', () => {
    const ci = apiItemToEventItem(kmsKeyItem);
    expect(ci).toMatchObject({
      awsAccountId: '111111111111',
      ARN: 'arn:aws:kms:eu-west-1:111111111111:key/k-1',
      configurationItemVersion: '1.3',
      configurationStateMd5Hash: '',
      configurationItemCaptureTime: '2026-11-23T10:00:00.000Z',
      resourceCreationTime: '2026-01-01T00:00:00.000Z',
      configuration: { keyId: 'k-1', keyState: 'Enabled', keyManager: 'CUSTOMER' },
      tags: { team: 'platform' },
    });
    expect(ci.supplementaryConfiguration).toEqual({
      KeyRotationStatus: true,
      KeyPolicy: JSON.stringify({ Version: '2012-10-17', Statement: [] }),
    });
    expect(ci).not.toHaveProperty('accountId');
    expect(ci).not.toHaveProperty('arn');
  });

  it('renames relationshipName to name for an Image Builder distribution configuration', () => {
    const ci = apiItemToEventItem(distributionItem);
    expect(ci.resourceType).toBe('AWS::ImageBuilder::DistributionConfiguration');
    expect(ci.configurationItemStatus).toBe('ResourceDiscovered');
    expect(ci.relationships).toEqual([
      {
        resourceType: 'AWS::ImageBuilder::ImagePipeline',
        resourceId: 'arn:aws:imagebuilder:eu-west-1:111111111111:image-pipeline/golden',
        resourceName: null,
        name: 'Is associated with ImagePipeline',
      },
    ]);
    expect(ci.configuration).toMatchObject({
      Distributions: [{ AmiDistributionConfiguration: { TargetAccountIds: ['444455556666'] } }],
    });
  });

  it('fails naming the field when the configuration is not JSON', () => {
    expect(() => apiItemToEventItem({ ...kmsKeyItem, configuration: '{oops' })).toThrow(InvalidInputError);
    expect(() => apiItemToEventItem({ ...kmsKeyItem, configuration: '{oops' })).toThrow(
      /^configurationItem\.configuration: /,
    );
  });

  it('fails naming the field when the API item lacks its account', () => {
    const { accountId: _accountId, ...withoutAccount } = kmsKeyItem;
    expect(() => apiItemToEventItem(withoutAccount)).toThrow(/^configurationItem\.awsAccountId: /);
  });
});

describe('fetchOversizedItem', () => {
  it('asks GetResourceConfigHistory for one item at or before the capture time', async () => {
    // Prepare
    const config = mockClient(ConfigServiceClient);
    config.on(GetResourceConfigHistoryCommand).resolves({ configurationItems: [kmsKeyItem] });
    const summary = configurationItemSummary(configurationItem({ resourceId: 'k-1' }));
    // Act
    const ci = await fetchOversizedItem(new ConfigServiceClient({ region: 'eu-west-1' }), summary);
    // Assess
    const input = config.commandCalls(GetResourceConfigHistoryCommand)[0]?.args[0].input;
    expect(input).toEqual({
      resourceType: 'AWS::KMS::Key',
      resourceId: 'k-1',
      laterTime: new Date(summary.configurationItemCaptureTime),
      limit: 1,
    });
    expect(ci.configuration).toMatchObject({ keyState: 'Enabled' });
    config.restore();
  });

  it('fails naming the resource when no item comes back', async () => {
    const config = mockClient(ConfigServiceClient);
    config.on(GetResourceConfigHistoryCommand).resolves({ configurationItems: [] });
    const summary = configurationItemSummary(configurationItem({ resourceId: 'k-9' }));
    await expect(
      fetchOversizedItem(new ConfigServiceClient({ region: 'eu-west-1' }), summary),
    ).rejects.toThrow(ConfigurationItemUnavailableError);
    await expect(
      fetchOversizedItem(new ConfigServiceClient({ region: 'eu-west-1' }), summary),
    ).rejects.toThrow(/AWS::KMS::Key k-9: GetResourceConfigHistory returned no item/);
    config.restore();
  });
});
