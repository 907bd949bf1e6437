import type { ConfigurationItem } from '../core/configEvent';
import { fromConfigurationItem } from '../inventory/fromConfigurationItem';
import type { ImageBuilderFacts } from '../inventory/imageBuilderModel';
import type { Inventory } from '../inventory/model';

const IMAGE_BUILDER_TYPES = new Set([
  'AWS::ImageBuilder::DistributionConfiguration',
  'AWS::ImageBuilder::ImageRecipe',
  'AWS::ImageBuilder::ImagePipeline',
]);

function matches(item: ConfigurationItem, arn: string, name: string): boolean {
  return item.ARN === arn || item.resourceId === arn || item.resourceId === name;
}

function withItem(facts: ImageBuilderFacts, item: ConfigurationItem, deleted: boolean): ImageBuilderFacts {
  const replace = <T extends { arn: string; name: string }>(
    list: readonly T[],
    value: T | undefined,
  ): T[] => {
    const rest = list.filter((x) => !matches(item, x.arn, x.name) && x.arn !== value?.arn);
    return value ? [...rest, value] : rest;
  };
  const converted = deleted ? undefined : fromConfigurationItem(item);
  switch (item.resourceType) {
    case 'AWS::ImageBuilder::DistributionConfiguration':
      return {
        ...facts,
        distributionConfigurations: replace(
          facts.distributionConfigurations,
          converted?.resourceType === item.resourceType ? converted.value : undefined,
        ),
      };
    case 'AWS::ImageBuilder::ImageRecipe':
      return {
        ...facts,
        imageRecipes: replace(
          facts.imageRecipes,
          converted?.resourceType === item.resourceType ? converted.value : undefined,
        ),
      };
    default:
      return {
        ...facts,
        imagePipelines: replace(
          facts.imagePipelines,
          converted?.resourceType === 'AWS::ImageBuilder::ImagePipeline' ? converted.value : undefined,
        ),
      };
  }
}

/**
 * Puts an Image Builder configuration item (CloudFormation PascalCase, converted by the inventory)
 * into the inventory, replacing what the live read found, so that a change-triggered verdict is
 * about the state Config sent. A deleted resource is removed (no finding; the runtime cleans up).
 * Where the Region's Image Builder facts are unknown, they stay unknown (the rule reports it).
 */
export function applyImageBuilderItem(inventory: Inventory, item: ConfigurationItem): Inventory {
  if (!IMAGE_BUILDER_TYPES.has(item.resourceType)) return inventory;
  const deleted =
    item.configurationItemStatus === 'ResourceDeleted' ||
    item.configurationItemStatus === 'ResourceDeletedNotRecorded';
  return {
    ...inventory,
    accounts: inventory.accounts.map((account) =>
      account.accountId !== item.awsAccountId
        ? account
        : {
            ...account,
            regions: account.regions.map((region) =>
              region.region !== item.awsRegion || region.imageBuilder.status !== 'known'
                ? region
                : {
                    ...region,
                    imageBuilder: {
                      status: 'known',
                      value: withItem(region.imageBuilder.value, item, deleted),
                    },
                  },
            ),
          },
    ),
  };
}
