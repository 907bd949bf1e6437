import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imagebuilderDistributionKeyShareableRule } from '../../../../rules/imagebuilder-distribution-key-shareable';
import { registerRule } from '../../../../rules/kit/packRule';
import { BASE_CREDENTIALS, IbEmulator } from '../imagebuilder-pipeline-distribution-ready/support/ibEmulator';
import {
  DC_ARN,
  REGION,
  rootDelegation,
  SOURCE,
  TARGET,
} from '../imagebuilder-pipeline-distribution-ready/support/ibWorld';
import type { Seeded } from '../imagebuilder-pipeline-distribution-ready/support/ibWorld';
import { brief, runRule } from '../imagebuilder-pipeline-distribution-ready/support/runRule';

const rule = registerRule(imagebuilderDistributionKeyShareableRule);
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

/** The distribution configuration as a Config item: CloudFormation PascalCase. */
const item = (keyOf: (s: Seeded) => string) => (s: Seeded) => ({
  resourceType: 'AWS::ImageBuilder::DistributionConfiguration',
  resourceId: DC_ARN,
  ARN: DC_ARN,
  configuration: {
    Arn: DC_ARN,
    Name: 'golden',
    Distributions: [
      { Region: REGION, AmiDistributionConfiguration: { KmsKeyId: keyOf(s), TargetAccountIds: [TARGET] } },
    ],
  },
});

describe('Handler: imagebuilder-distribution-key-shareable (emulator; Image Builder mocked)', () => {
  it('D2: NON_COMPLIANT when the distribution key is alias/aws/ebs; D2 twin: COMPLIANT with the shared customer managed key', async () => {
    const before = await runRule(emulator, rule, { distKey: 'aws-managed' });
    expect(brief(before.results)).toEqual([
      `AWS::ImageBuilder::DistributionConfiguration ${DC_ARN} NON_COMPLIANT`,
    ]);
    expect(before.annotation).toContain('encrypts with the AWS managed key');

    const after = await runRule(emulator, rule, { distKey: 'cmk' });
    expect(brief(after.results)).toEqual([
      `AWS::ImageBuilder::DistributionConfiguration ${DC_ARN} COMPLIANT`,
    ]);
  });

  it(`D12: NON_COMPLIANT when the key policy does not grant ${TARGET}; D12 twin: COMPLIANT once it does`, async () => {
    const before = await runRule(emulator, rule, { keyStatements: [rootDelegation(SOURCE)] });
    expect(brief(before.results)).toEqual([
      `AWS::ImageBuilder::DistributionConfiguration ${DC_ARN} NON_COMPLIANT`,
    ]);
    expect(before.annotation).toContain(`does not share it with account ${TARGET}`);

    const after = await runRule(emulator, rule, {});
    expect(brief(after.results)).toEqual([
      `AWS::ImageBuilder::DistributionConfiguration ${DC_ARN} COMPLIANT`,
    ]);
  });

  it('D2: a change notification (PascalCase item) naming the AWS managed key is NON_COMPLIANT; twin COMPLIANT', async () => {
    const before = await runRule(
      emulator,
      rule,
      {},
      item((s) => s.awsKeyArn),
    );
    expect(brief(before.results)).toEqual([
      `AWS::ImageBuilder::DistributionConfiguration ${DC_ARN} NON_COMPLIANT`,
    ]);

    const after = await runRule(
      emulator,
      rule,
      { distKey: 'aws-managed' },
      item((s) => s.cmkArn),
    );
    expect(brief(after.results)).toEqual([
      `AWS::ImageBuilder::DistributionConfiguration ${DC_ARN} COMPLIANT`,
    ]);
  });
});
