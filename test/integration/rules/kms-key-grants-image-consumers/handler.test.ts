import {
  GetDistributionConfigurationCommand,
  ImagebuilderClient,
  ListDistributionConfigurationsCommand,
  ListImagePipelinesCommand,
  ListImageRecipesCommand,
  ListImagesCommand,
} from '@aws-sdk/client-imagebuilder';
import { DisableKeyCommand, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../../rules/core/finding';
import { createConfigRuleHandler } from '../../../../rules/core/createConfigRuleHandler';
import { kmsKeyGrantsImageConsumersRule } from '../../../../rules/kms-key-grants-image-consumers';
import { changeEvent, scheduledEvent } from '../../../fixtures/events';
import {
  brief,
  handlerOptions,
  recorded,
  useDefaultAccountCredentials,
} from '../shared-ami-key-grants-consumers/support/launchHandler';
import { resetEmulator } from '../../../support/emulator';
import {
  LaunchSeed,
  allowGrants,
  allowUse,
  rootDelegation,
} from '../shared-ami-key-grants-consumers/support/seedLaunch';

const OWNER = '111111111111';
const CONSUMER = '222222222222';
const REGION = 'eu-west-1';
const RULE = kmsKeyGrantsImageConsumersRule.metadata.id;
const STALE = 'AROAEXAMPLESTALE00001';
const TARGET = '444444444444';
const DISTRIBUTION_ARN = `arn:aws:imagebuilder:${REGION}:${OWNER}:distribution-configuration/golden`;

/**
 * moto has no Image Builder: its API is mocked (aws-sdk-client-mock), answering as the real API
 * does for an account with no Image Builder resources, or with one distribution configuration.
 */
const imageBuilder = mockClient(ImagebuilderClient);
function imageBuilderWith(distributionKeyArn?: string): void {
  imageBuilder.reset();
  imageBuilder.on(ListImageRecipesCommand).resolves({ imageRecipeSummaryList: [] });
  imageBuilder.on(ListImagePipelinesCommand).resolves({ imagePipelineList: [] });
  imageBuilder.on(ListImagesCommand).resolves({ imageVersionList: [] });
  if (!distributionKeyArn) {
    imageBuilder
      .on(ListDistributionConfigurationsCommand)
      .resolves({ distributionConfigurationSummaryList: [] });
    return;
  }
  imageBuilder
    .on(ListDistributionConfigurationsCommand)
    .resolves({ distributionConfigurationSummaryList: [{ arn: DISTRIBUTION_ARN, name: 'golden' }] });
  imageBuilder.on(GetDistributionConfigurationCommand).resolves({
    distributionConfiguration: {
      arn: DISTRIBUTION_ARN,
      name: 'golden',
      timeoutMinutes: 360,
      distributions: [
        {
          region: REGION,
          amiDistributionConfiguration: {
            name: 'golden-{{ imagebuilder:buildDate }}',
            kmsKeyId: distributionKeyArn,
            targetAccountIds: [TARGET],
          },
        },
      ],
    },
  });
}
const lambdaContext = { getRemainingTimeInMillis: () => 900_000 };

let seed: LaunchSeed;
const savedEnv = { ...process.env };

beforeAll(async () => {
  seed = new LaunchSeed(REGION);
  await useDefaultAccountCredentials();
});
afterAll(async () => {
  imageBuilder.restore();
  process.env = savedEnv;
});
beforeEach(async () => {
  imageBuilderWith();
  await resetEmulator();
});

async function handler() {
  return createConfigRuleHandler(kmsKeyGrantsImageConsumersRule, await handlerOptions(OWNER, REGION));
}

/** A key-change event for the key, carrying its state as Config records it. */
function keyChanged(key: { arn: string; keyId: string }, keyState: string) {
  return changeEvent({
    ruleName: RULE,
    ci: {
      awsAccountId: OWNER,
      awsRegion: REGION,
      resourceType: 'AWS::KMS::Key',
      resourceId: key.keyId,
      ARN: key.arn,
      configuration: {
        keyId: key.keyId,
        arn: key.arn,
        keyState,
        enabled: keyState === 'Enabled',
        keyManager: 'CUSTOMER',
      },
    },
  });
}

const putPolicy = async (keyId: string, statements: JsonObject[]) =>
  (await seed.kms(OWNER)).send(
    new PutKeyPolicyCommand({
      KeyId: keyId,
      PolicyName: 'default',
      Policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }),
    }),
  );

const cases: { name: string; broken: JsonObject[]; fixed: JsonObject[]; annotation: string }[] = [
  {
    name: `L1, L2: NON_COMPLIANT on the key when an AMI shared with ${CONSUMER} uses it and the policy omits ${CONSUMER}; twin: COMPLIANT once both article statements name it`,
    broken: [rootDelegation(OWNER)],
    fixed: [rootDelegation(OWNER), allowUse([CONSUMER]), allowGrants([CONSUMER])],
    annotation: `does not let ${CONSUMER} launch from it`,
  },
  {
    name: `G3: NON_COMPLIANT on the key when its policy names the unique id ${STALE}; twin: COMPLIANT once replaced`,
    broken: [rootDelegation(OWNER), allowUse([CONSUMER, STALE]), allowGrants([CONSUMER, STALE])],
    fixed: [rootDelegation(OWNER), allowUse([CONSUMER]), allowGrants([CONSUMER])],
    annotation: `names ${STALE}`,
  },
];

describe('Handler: kms-key-grants-image-consumers against the AWS emulator', () => {
  it.each(cases)('$name', async ({ broken, fixed, annotation }) => {
    // Prepare
    const key = await seed.key(OWNER, broken);
    await seed.image(OWNER, [await seed.snapshot(OWNER, key.arn)], [CONSUMER]);
    // Act: a periodic run
    await (
      await handler()
    )(scheduledEvent({ accountId: OWNER, region: REGION, ruleName: RULE }), lambdaContext);
    const before = await recorded(OWNER, REGION, RULE);
    // Assess: an AWS::KMS::Key evaluation on the key (the EBS default key created by moto is judged too: unused)
    expect(brief(before)).toContain(`AWS::KMS::Key ${key.keyId} NON_COMPLIANT`);
    expect(
      before.find((r) => r.EvaluationResultIdentifier?.EvaluationResultQualifier?.ResourceId === key.keyId)
        ?.Annotation,
    ).toContain(annotation);
    // Act: fix the policy; the change notification for the key triggers the rule
    await putPolicy(key.keyId, fixed);
    await (
      await handler()
    )(keyChanged(key, 'Enabled'), lambdaContext);
    const after = await recorded(OWNER, REGION, RULE);
    // Assess
    expect(brief(after)).toContain(`AWS::KMS::Key ${key.keyId} COMPLIANT`);
  });

  it(`D12 (key side): NON_COMPLIANT when a distribution key does not grant target account ${TARGET}; twin: COMPLIANT once it does`, async () => {
    // Prepare: an Image Builder distribution (mocked API) encrypts with the key for target account TARGET
    const key = await seed.key(OWNER, [rootDelegation(OWNER)]);
    imageBuilderWith(key.arn);
    // Act
    await (
      await handler()
    )(keyChanged(key, 'Enabled'), lambdaContext);
    const before = await recorded(OWNER, REGION, RULE);
    // Assess
    expect(brief(before)).toEqual([`AWS::KMS::Key ${key.keyId} NON_COMPLIANT`]);
    expect(before[0]?.Annotation).toContain(`does not let ${TARGET} receive distributed AMIs`);
    // Act: grant the target account
    await putPolicy(key.keyId, [rootDelegation(OWNER), allowUse([TARGET]), allowGrants([TARGET])]);
    await (
      await handler()
    )(keyChanged(key, 'Enabled'), lambdaContext);
    // Assess
    expect(brief(await recorded(OWNER, REGION, RULE))).toEqual([`AWS::KMS::Key ${key.keyId} COMPLIANT`]);
  });

  it('G2: NON_COMPLIANT when a change notification says a key that a shared AMI uses was disabled', async () => {
    // Prepare
    const key = await seed.key(OWNER, [rootDelegation(OWNER), allowUse([CONSUMER]), allowGrants([CONSUMER])]);
    await seed.image(OWNER, [await seed.snapshot(OWNER, key.arn)], [CONSUMER]);
    await (await seed.kms(OWNER)).send(new DisableKeyCommand({ KeyId: key.keyId }));
    // Act
    const summary = await (await handler())(keyChanged(key, 'Disabled'), lambdaContext);
    // Assess: only the item's key is evaluated
    expect(summary).toMatchObject({ evaluationsPut: 1 });
    const results = await recorded(OWNER, REGION, RULE);
    expect(brief(results)).toEqual([`AWS::KMS::Key ${key.keyId} NON_COMPLIANT`]);
    expect(results[0]?.Annotation).toContain('is Disabled; no consumer can launch it');
  });
});
