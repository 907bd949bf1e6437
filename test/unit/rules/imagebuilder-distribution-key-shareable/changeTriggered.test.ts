import { describe, expect, it } from 'vitest';
import type { ConfigurationItem } from '../../../../rules/core/configEvent';
import type { RuleInvocation } from '../../../../rules/core/ruleDefinition';
import { parseRuleParameters } from '../../../../rules/core/ruleParameters';
import {
  applyImageBuilderItem,
  imagebuilderDistributionKeyShareableRule,
} from '../../../../rules/imagebuilder-distribution-key-shareable';
import { imagebuilderRecipeKeyShareableRule } from '../../../../rules/imagebuilder-recipe-key-shareable';
import type { CollectRequest } from '../../../../rules/kit/inventoryRule';
import { defineInventoryRule } from '../../../../rules/kit/defineInventoryRule';
import type { Inventory } from '../../../../rules/inventory/model';
import { configurationItem, testRuleContext } from '../../../fixtures/events';
import {
  AWS_EBS_KEY_ARN,
  buildScenario,
  DC_ARN,
  DIST_KEY_ARN,
  PARENT_AMI,
  RECIPE_ARN,
  REGION,
  SOURCE,
  TARGET,
} from '../imagebuilder-pipeline-distribution-ready/ibScenario';

/** The distribution configuration as Config records it: CloudFormation PascalCase names. */
function distributionItem(kmsKeyId: string, status: ConfigurationItem['configurationItemStatus'] = 'OK') {
  return configurationItem({
    awsAccountId: SOURCE,
    awsRegion: REGION,
    resourceType: 'AWS::ImageBuilder::DistributionConfiguration',
    resourceId: DC_ARN,
    ARN: DC_ARN,
    resourceName: 'golden',
    configurationItemStatus: status,
    configuration: {
      Arn: DC_ARN,
      Name: 'golden',
      Distributions: [
        {
          Region: REGION,
          AmiDistributionConfiguration: {
            Name: 'golden-{{ imagebuilder:buildDate }}',
            KmsKeyId: kmsKeyId,
            TargetAccountIds: [TARGET],
            LaunchPermissionConfiguration: null,
          },
        },
      ],
    },
  });
}

function recipeItem(kmsKeyId: string) {
  return configurationItem({
    awsAccountId: SOURCE,
    awsRegion: REGION,
    resourceType: 'AWS::ImageBuilder::ImageRecipe',
    resourceId: RECIPE_ARN,
    ARN: RECIPE_ARN,
    configuration: {
      Arn: RECIPE_ARN,
      Name: 'golden',
      Version: '1.0.0',
      ParentImage: PARENT_AMI,
      BlockDeviceMappings: [
        { DeviceName: '/dev/xvda', Ebs: { Encrypted: 'true', KmsKeyId: kmsKeyId, VolumeSize: 30 } },
      ],
    },
  });
}

function change<P>(params: P, ci: ConfigurationItem): RuleInvocation<P> {
  return { kind: 'change', params, accountId: SOURCE, region: REGION, ruleName: 'r', configurationItem: ci };
}

/** The rule with a collector that serves `inv` (the live state: a fixed setup). */
function withInventory<P>(rule: { spec: Parameters<typeof defineInventoryRule<P>>[0] }, inv: Inventory) {
  const requests: CollectRequest[] = [];
  const defined = defineInventoryRule(rule.spec, {
    collector: () => async (request) => {
      requests.push(request);
      return inv;
    },
  });
  return { defined, requests };
}

describe('Change-triggered runs judge the configuration item Config sent (PascalCase)', () => {
  it('D2: NON_COMPLIANT when the item switches the distribution to the AWS managed key, although the live read was fixed', async () => {
    const { defined } = withInventory(imagebuilderDistributionKeyShareableRule, buildScenario());
    const params = parseRuleParameters(imagebuilderDistributionKeyShareableRule.metadata, {});

    const result = await defined.evaluate(
      change(params, distributionItem(AWS_EBS_KEY_ARN)),
      testRuleContext(),
    );

    expect(result.findings.map((f) => [f.resourceId, f.compliance, f.scenarios])).toEqual([
      [DC_ARN, 'NON_COMPLIANT', ['D2']],
    ]);
  });

  it('D2 twin: COMPLIANT when the item names the shared customer managed key', async () => {
    const { defined } = withInventory(
      imagebuilderDistributionKeyShareableRule,
      buildScenario({ distKey: 'aws-managed' }),
    );
    const params = parseRuleParameters(imagebuilderDistributionKeyShareableRule.metadata, {});

    const result = await defined.evaluate(change(params, distributionItem(DIST_KEY_ARN)), testRuleContext());

    expect(result.findings.map((f) => f.compliance)).toEqual(['COMPLIANT']);
  });

  it('reports no finding for a deleted distribution configuration (the runtime cleans up)', async () => {
    const { defined } = withInventory(
      imagebuilderDistributionKeyShareableRule,
      buildScenario({ distKey: 'aws-managed' }),
    );
    const params = parseRuleParameters(imagebuilderDistributionKeyShareableRule.metadata, {});

    const result = await defined.evaluate(
      change(params, distributionItem(AWS_EBS_KEY_ARN, 'ResourceDeleted')),
      testRuleContext(),
    );

    expect(result.findings).toEqual([]);
  });

  it('D1: NON_COMPLIANT when the recipe item (PascalCase, Encrypted as a string) names the AWS managed key; twin COMPLIANT', async () => {
    const { defined } = withInventory(imagebuilderRecipeKeyShareableRule, buildScenario());
    const params = parseRuleParameters(imagebuilderRecipeKeyShareableRule.metadata, {});

    const broken = await defined.evaluate(change(params, recipeItem(AWS_EBS_KEY_ARN)), testRuleContext());
    const fixed = await defined.evaluate(change(params, recipeItem(DIST_KEY_ARN)), testRuleContext());

    expect(broken.findings.map((f) => [f.compliance, f.scenarios])).toEqual([['NON_COMPLIANT', ['D1']]]);
    expect(fixed.findings.map((f) => f.compliance)).toEqual(['COMPLIANT']);
  });

  it('leaves the inventory as read for items of other types', () => {
    const inv = buildScenario();

    expect(applyImageBuilderItem(inv, configurationItem({ awsAccountId: SOURCE, awsRegion: REGION }))).toBe(
      inv,
    );
  });
});
