import { describe, expect, it } from 'vitest';
import { parseRuleParameters } from '../../../../rules/core/ruleParameters';
import {
  evaluateRecipeKeyShareable,
  metadata,
  selectImageBuild,
} from '../../../../rules/imagebuilder-recipe-key-shareable';
import type { RecipeKeyShareableParams } from '../../../../rules/imagebuilder-recipe-key-shareable';
import type { IbScenario } from '../imagebuilder-pipeline-distribution-ready/ibScenario';
import {
  buildScenario,
  PARENT_AMI,
  periodicScope,
  RECIPE_ARN,
  REGION,
  SOURCE,
} from '../imagebuilder-pipeline-distribution-ready/ibScenario';

const defaults: RecipeKeyShareableParams = parseRuleParameters(metadata, {});

function evaluate(s: IbScenario, params: RecipeKeyShareableParams = defaults) {
  const findings = evaluateRecipeKeyShareable(buildScenario(s), params, periodicScope);
  expect(findings).toHaveLength(1);
  const [finding] = findings;
  if (!finding) throw new Error('no finding');
  return finding;
}

const IB_IMAGE = `arn:aws:imagebuilder:${REGION}:${SOURCE}:image/base`;
const BUILT_AMI = 'ami-0b0b0b0b0b0b0b0b0';

/** The parent is an Image Builder image whose newest build produced an AMI with `key`. */
function ibParent(key: 'cmk' | 'aws-managed'): IbScenario['source'] {
  return (r) => {
    r.image({ imageId: BUILT_AMI, snapshots: [{ key: key === 'cmk' ? 'alias/golden' : 'alias/aws/ebs' }] })
      .imageBuilderImage({
        arn: `${IB_IMAGE}/1.0.0/1`,
        outputAmis: [{ region: REGION, imageId: 'ami-0c0c0c0c0c0c0c0c0' }],
      })
      .imageBuilderImage({ arn: `${IB_IMAGE}/1.2.0/3`, outputAmis: [{ region: REGION, imageId: BUILT_AMI }] })
      .imageRecipe({
        arn: `${RECIPE_ARN}-ib`,
        name: 'from-ib-image',
        version: '1.0.0',
        parentImage: `${IB_IMAGE}/x.x.x`,
        blockDeviceMappings: [],
      });
  };
}

const nonCompliant: readonly { name: string; scenario: IbScenario; code: string; ids: string[] }[] = [
  {
    name: 'D1: NON_COMPLIANT when a block device mapping names the AWS managed key',
    scenario: { recipeKey: 'aws-managed' },
    code: 'RECIPE_USES_AWS_MANAGED_KEY',
    ids: ['D1'],
  },
  {
    name: 'D1: NON_COMPLIANT when a block device is encrypted with no key and the Region default key is alias/aws/ebs',
    scenario: { recipeKey: 'default-key' },
    code: 'RECIPE_ENCRYPTS_WITH_AWS_MANAGED_DEFAULT_KEY',
    ids: ['D1', 'D5'],
  },
  {
    name: 'D3: NON_COMPLIANT when the parent AMI is encrypted with the AWS managed key',
    scenario: { recipeKey: 'none', parentSnapshots: ['aws-managed'] },
    code: 'PARENT_IMAGE_USES_AWS_MANAGED_KEY',
    ids: ['D3'],
  },
  {
    name: 'D4: NON_COMPLIANT when one of several parent AMI snapshots uses the AWS managed key',
    scenario: { recipeKey: 'none', parentSnapshots: ['cmk', 'aws-managed', 'unencrypted'] },
    code: 'PARENT_IMAGE_USES_AWS_MANAGED_KEY',
    ids: ['D4'],
  },
  {
    name: 'D5: NON_COMPLIANT when encryption by default uses the AWS managed key for an unencrypted parent snapshot',
    scenario: {
      recipeKey: 'none',
      parentSnapshots: ['unencrypted'],
      ebsDefault: { enabled: true, key: 'aws-managed' },
    },
    code: 'DEFAULT_EBS_KEY_IS_AWS_MANAGED',
    ids: ['D5'],
  },
];

const twins: readonly [string, IbScenario][] = [
  ['D1 twin: COMPLIANT once the block device mapping names the customer managed key', { recipeKey: 'cmk' }],
  [
    'D1 twin: COMPLIANT when encrypted with no key while the Region default key is a customer managed key',
    { recipeKey: 'default-key', ebsDefault: { enabled: false, key: 'cmk' } },
  ],
  [
    'D3 twin: COMPLIANT once the parent AMI is a copy under the customer managed key',
    { recipeKey: 'none', parentSnapshots: ['cmk'] },
  ],
  [
    'D3 twin: COMPLIANT when the recipe re-encrypts the AWS managed parent device with its customer managed key',
    { recipeKey: 'cmk', parentSnapshots: ['aws-managed'] },
  ],
  [
    'D4 twin: COMPLIANT once every parent snapshot uses a customer managed key',
    { recipeKey: 'none', parentSnapshots: ['cmk', 'cmk'] },
  ],
  [
    'D5 twin: COMPLIANT once the EBS default key is a customer managed key',
    { recipeKey: 'none', parentSnapshots: ['unencrypted'], ebsDefault: { enabled: true, key: 'cmk' } },
  ],
];

describe('Rule: imagebuilder-recipe-key-shareable', () => {
  it.each(nonCompliant)('$name', ({ scenario, code, ids }) => {
    const finding = evaluate(scenario);

    expect(finding.compliance).toBe('NON_COMPLIANT');
    expect(finding.resourceType).toBe('AWS::ImageBuilder::ImageRecipe');
    expect(finding.reasons[0]?.code).toBe(code);
    expect(finding.scenarios).toEqual(ids);
    expect(finding.fix?.steps?.length).toBeGreaterThan(0);
  });

  it.each(twins)('%s', (_name, scenario) => {
    const finding = evaluate(scenario);

    expect(finding.reasons.map((r) => r.code)).toEqual(['RECIPE_KEYS_SHAREABLE']);
    expect(finding.compliance).toBe('COMPLIANT');
  });

  it('D3: resolves an Image Builder image ARN with x wildcards to its newest build, then to its AMI', () => {
    const inv = buildScenario({ source: ibParent('aws-managed') });

    const findings = evaluateRecipeKeyShareable(
      inv,
      parseRuleParameters(metadata, { JudgeAllRecipes: 'true' }),
      periodicScope,
    );
    const ib = findings.find((f) => f.resourceId === `${RECIPE_ARN}-ib`);

    expect(ib?.compliance).toBe('NON_COMPLIANT');
    expect(ib?.scenarios).toEqual(['D3']);
    expect(ib?.details?.[0]).toMatchObject({ resourceType: 'AWS::EC2::Image', resourceId: BUILT_AMI });
  });

  it('D3 twin: COMPLIANT when the newest build of the parent Image Builder image uses a customer managed key', () => {
    const inv = buildScenario({ source: ibParent('cmk') });

    const findings = evaluateRecipeKeyShareable(
      inv,
      parseRuleParameters(metadata, { JudgeAllRecipes: 'true' }),
      periodicScope,
    );

    expect(findings.find((f) => f.resourceId === `${RECIPE_ARN}-ib`)?.compliance).toBe('COMPLIANT');
  });

  it('D3: resolves an ssm: parent image through the collected parameter', () => {
    const inv = buildScenario({
      recipeKey: 'none',
      parentSnapshots: ['aws-managed'],
      source: (r) =>
        r.ssmParameter('/golden/parent', PARENT_AMI).imageRecipe({
          arn: `${RECIPE_ARN}-ssm`,
          name: 'from-ssm',
          version: '1.0.0',
          parentImage: 'ssm:/golden/parent',
          blockDeviceMappings: [],
        }),
    });

    const findings = evaluateRecipeKeyShareable(
      inv,
      parseRuleParameters(metadata, { JudgeAllRecipes: 'true' }),
      periodicScope,
    );

    expect(findings.find((f) => f.resourceId === `${RECIPE_ARN}-ssm`)?.scenarios).toEqual(['D3']);
  });

  it('COMPLIANT for a public parent AMI (neither owned nor shared), which cannot be encrypted', () => {
    const inv = buildScenario({
      recipeKey: 'cmk',
      source: (r) =>
        r.imageRecipe({
          arn: `${RECIPE_ARN}-public`,
          name: 'from-public',
          version: '1.0.0',
          parentImage: 'ami-0123456789abcdef0',
          blockDeviceMappings: [],
        }),
    });

    const findings = evaluateRecipeKeyShareable(
      inv,
      parseRuleParameters(metadata, { JudgeAllRecipes: 'true' }),
      periodicScope,
    );

    expect(findings.find((f) => f.resourceId === `${RECIPE_ARN}-public`)?.compliance).toBe('COMPLIANT');
  });

  it.each([
    ['a Marketplace product id', 'prod-abcdefghijklm'],
    ['an ssm: parameter that was not collected', 'ssm:/not/collected'],
  ])('NON_COMPLIANT (FACT_UNREADABLE), never COMPLIANT, for %s', (_what, parentImage) => {
    const inv = buildScenario({
      source: (r) =>
        r.imageRecipe({
          arn: `${RECIPE_ARN}-x`,
          name: 'x',
          version: '1.0.0',
          parentImage,
          blockDeviceMappings: [],
        }),
    });

    const findings = evaluateRecipeKeyShareable(
      inv,
      parseRuleParameters(metadata, { JudgeAllRecipes: 'true' }),
      periodicScope,
    );
    const x = findings.find((f) => f.resourceId === `${RECIPE_ARN}-x`);

    expect(x?.compliance).toBe('NON_COMPLIANT');
    expect(x?.reasons.map((r) => r.code)).toEqual(['FACT_UNREADABLE']);
  });

  it('NON_COMPLIANT (FACT_UNREADABLE) when the EBS encryption settings could not be read', () => {
    const finding = evaluate({ recipeKey: 'default-key', source: (r) => r.unknown('ebsEncryption') });

    expect(finding.compliance).toBe('NON_COMPLIANT');
    expect(finding.reasons[0]?.code).toBe('FACT_UNREADABLE');
  });

  it('NOT_APPLICABLE by default for a recipe that feeds no cross-account pipeline; judged with JudgeAllRecipes', () => {
    const scenario: IbScenario = { recipeKey: 'aws-managed', targetAccountIds: [] };

    const byDefault = evaluate(scenario);
    const all = evaluate(scenario, parseRuleParameters(metadata, { JudgeAllRecipes: 'true' }));

    expect(byDefault.compliance).toBe('NOT_APPLICABLE');
    expect(all.compliance).toBe('NON_COMPLIANT');
  });

  it('NOT_APPLICABLE for recipes matched by ExcludedRecipes', () => {
    const finding = evaluate(
      { recipeKey: 'aws-managed' },
      parseRuleParameters(metadata, { ExcludedRecipes: 'gold*' }),
    );

    expect(finding.compliance).toBe('NOT_APPLICABLE');
  });

  it('selectImageBuild picks the exact build, else the newest matching version', () => {
    const images = [
      { arn: `${IB_IMAGE}/1.0.0/1`, outputAmis: [] },
      { arn: `${IB_IMAGE}/1.10.0/1`, outputAmis: [] },
      { arn: `${IB_IMAGE}/1.9.0/2`, outputAmis: [] },
    ];

    expect(selectImageBuild(images, `${IB_IMAGE}/1.0.0/1`)?.arn).toBe(`${IB_IMAGE}/1.0.0/1`);
    expect(selectImageBuild(images, `${IB_IMAGE}/1.x.x`)?.arn).toBe(`${IB_IMAGE}/1.10.0/1`);
    expect(selectImageBuild(images, `${IB_IMAGE}/2.x.x`)).toBeUndefined();
  });

  it('has the id of its folder and a description Config accepts', () => {
    expect(metadata.id).toBe('imagebuilder-recipe-key-shareable');
    expect(metadata.description.length).toBeLessThanOrEqual(256);
  });
});
