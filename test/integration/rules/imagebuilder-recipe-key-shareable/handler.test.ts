import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imagebuilderRecipeKeyShareableRule } from '../../../../rules/imagebuilder-recipe-key-shareable';
import { registerRule } from '../../../../rules/kit/packRule';
import { BASE_CREDENTIALS, IbEmulator } from '../imagebuilder-pipeline-distribution-ready/support/ibEmulator';
import { RECIPE_ARN } from '../imagebuilder-pipeline-distribution-ready/support/ibWorld';
import type { Seeded } from '../imagebuilder-pipeline-distribution-ready/support/ibWorld';
import { brief, runRule } from '../imagebuilder-pipeline-distribution-ready/support/runRule';

const rule = registerRule(imagebuilderRecipeKeyShareableRule);
const savedEnv = { ...process.env };
let emulator: IbEmulator;

beforeAll(async () => {
  emulator = await IbEmulator.start();
  process.env['AWS_ACCESS_KEY_ID'] = BASE_CREDENTIALS.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = BASE_CREDENTIALS.secretAccessKey;
});
afterAll(async () => {
  process.env = savedEnv;
  await emulator.stop();
});

const NON_COMPLIANT = [`AWS::ImageBuilder::ImageRecipe ${RECIPE_ARN} NON_COMPLIANT`];
const COMPLIANT = [`AWS::ImageBuilder::ImageRecipe ${RECIPE_ARN} COMPLIANT`];

describe('Handler: imagebuilder-recipe-key-shareable (emulator: keys, snapshots, parent AMI; Image Builder mocked)', () => {
  it('D1: NON_COMPLIANT when the storage names the AWS managed key; D1 twin: COMPLIANT with the customer managed key', async () => {
    const before = await runRule(emulator, rule, { recipeKey: 'aws-managed' });
    expect(brief(before.results)).toEqual(NON_COMPLIANT);
    expect(before.annotation).toContain('is encrypted with the AWS managed key');

    expect(brief((await runRule(emulator, rule, { recipeKey: 'cmk' })).results)).toEqual(COMPLIANT);
  });

  it('D3, D4: NON_COMPLIANT when a parent AMI snapshot (RegisterImage in the emulator) uses alias/aws/ebs; twin COMPLIANT', async () => {
    const before = await runRule(emulator, rule, {
      recipeKey: 'none',
      parentSnapshots: ['cmk', 'aws-managed'],
    });
    expect(brief(before.results)).toEqual(NON_COMPLIANT);
    expect(before.annotation).toContain(before.seeded.parentAmi);

    const after = await runRule(emulator, rule, { recipeKey: 'none', parentSnapshots: ['cmk', 'cmk'] });
    expect(brief(after.results)).toEqual(COMPLIANT);
  });

  it('D1: a change notification (PascalCase recipe item) naming the AWS managed key is NON_COMPLIANT; twin COMPLIANT', async () => {
    const item = (key: (s: Seeded) => string) => (s: Seeded) => ({
      resourceType: 'AWS::ImageBuilder::ImageRecipe',
      resourceId: RECIPE_ARN,
      ARN: RECIPE_ARN,
      configuration: {
        Arn: RECIPE_ARN,
        Name: 'golden',
        Version: '1.0.0',
        ParentImage: s.parentAmi,
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: true, KmsKeyId: key(s) } }],
      },
    });

    expect(
      brief(
        (
          await runRule(
            emulator,
            rule,
            {},
            item((s) => s.awsKeyArn),
          )
        ).results,
      ),
    ).toEqual(NON_COMPLIANT);
    expect(
      brief(
        (
          await runRule(
            emulator,
            rule,
            { recipeKey: 'aws-managed' },
            item((s) => s.cmkArn),
          )
        ).results,
      ),
    ).toEqual(COMPLIANT);
  });
});
