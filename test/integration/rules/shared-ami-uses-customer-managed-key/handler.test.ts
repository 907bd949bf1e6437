import {
  CancelKeyDeletionCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { ModifyImageAttributeCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConfigRuleHandler } from '../../../../rules/core/createConfigRuleHandler';
import { sharedAmiUsesCustomerManagedKeyRule } from '../../../../rules/shared-ami-uses-customer-managed-key';
import { scheduledEvent } from '../../../fixtures/events';
import {
  brief,
  handlerOptions,
  recorded,
  useDefaultAccountCredentials,
} from '../shared-ami-key-grants-consumers/support/launchHandler';
import { emulatorConfig, resetEmulator } from '../../../support/emulator';
import {
  LaunchSeed,
  allowGrants,
  allowUse,
  rootDelegation,
} from '../shared-ami-key-grants-consumers/support/seedLaunch';

const OWNER = '111111111111';
const CONSUMER = '222222222222';
const REGION = 'eu-west-1';
const RULE = sharedAmiUsesCustomerManagedKeyRule.metadata.id;
const lambdaContext = { getRemainingTimeInMillis: () => 900_000 };

let seed: LaunchSeed;
const savedEnv = { ...process.env };

beforeAll(async () => {
  seed = new LaunchSeed(REGION);
  await useDefaultAccountCredentials();
});
afterAll(async () => {
  process.env = savedEnv;
});
beforeEach(() => resetEmulator());

async function runRule(ruleParameters?: Record<string, string>) {
  const handler = createConfigRuleHandler(
    sharedAmiUsesCustomerManagedKeyRule,
    await handlerOptions(OWNER, REGION),
  );
  const summary = await handler(
    scheduledEvent({
      accountId: OWNER,
      region: REGION,
      ruleName: RULE,
      ...(ruleParameters ? { ruleParameters } : {}),
    }),
    lambdaContext,
  );
  return { summary, results: await recorded(OWNER, REGION, RULE) };
}

const grantedKey = () =>
  seed.key(OWNER, [rootDelegation(OWNER), allowUse([CONSUMER]), allowGrants([CONSUMER])]);

describe('Handler: shared-ami-uses-customer-managed-key against the AWS emulator', () => {
  it('G1: NON_COMPLIANT when a shared AMI has a snapshot on alias/aws/ebs; G1 twin: COMPLIANT once only the copy on a customer managed key is shared', async () => {
    // Prepare: the AMI on the AWS managed key (EBS default) is shared with CONSUMER
    const onAwsKey = await seed.image(OWNER, [await seed.snapshot(OWNER)], [CONSUMER]);
    // Act
    const before = await runRule();
    // Assess
    expect(brief(before.results)).toEqual([`AWS::::Account ${OWNER} NON_COMPLIANT`]);
    expect(before.results[0]?.Annotation).toContain(onAwsKey);
    expect(before.results[0]?.Annotation).toContain('alias/aws/ebs');

    // Act: as the article says, copy onto a customer managed key, share the copy, stop sharing the original
    const key = await grantedKey();
    await seed.image(OWNER, [await seed.snapshot(OWNER, key.arn)], [CONSUMER]);
    const ec2 = new EC2Client(await emulatorConfig(OWNER, REGION));
    await ec2.send(
      new ModifyImageAttributeCommand({
        ImageId: onAwsKey,
        LaunchPermission: { Remove: [{ UserId: CONSUMER }] },
      }),
    );
    const after = await runRule();
    // Assess
    expect(brief(after.results)).toEqual([`AWS::::Account ${OWNER} COMPLIANT`]);
  });

  it('G2: NON_COMPLIANT when the key of a shared AMI is disabled; G2 twin: COMPLIANT once it is enabled again', async () => {
    // Prepare
    const key = await grantedKey();
    const image = await seed.image(OWNER, [await seed.snapshot(OWNER, key.arn)], [CONSUMER]);
    const kms = await seed.kms(OWNER);
    await kms.send(new DisableKeyCommand({ KeyId: key.keyId }));
    // Act
    const before = await runRule();
    // Assess
    expect(brief(before.results)).toEqual([`AWS::::Account ${OWNER} NON_COMPLIANT`]);
    expect(before.results[0]?.Annotation).toContain(image);
    expect(before.results[0]?.Annotation).toContain('Disabled');
    // Act
    await kms.send(new EnableKeyCommand({ KeyId: key.keyId }));
    const after = await runRule();
    // Assess
    expect(brief(after.results)).toEqual([`AWS::::Account ${OWNER} COMPLIANT`]);
  });

  it('G2: NON_COMPLIANT when the key is scheduled for deletion; twin: COMPLIANT once the deletion is cancelled and the key enabled', async () => {
    const key = await grantedKey();
    await seed.image(OWNER, [await seed.snapshot(OWNER, key.arn)], [CONSUMER]);
    const kms = await seed.kms(OWNER);
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.keyId, PendingWindowInDays: 7 }));
    const before = await runRule();
    expect(brief(before.results)).toEqual([`AWS::::Account ${OWNER} NON_COMPLIANT`]);
    expect(before.results[0]?.Annotation).toContain('PendingDeletion');
    await kms.send(new CancelKeyDeletionCommand({ KeyId: key.keyId }));
    await kms.send(new EnableKeyCommand({ KeyId: key.keyId }));
    const after = await runRule();
    expect(brief(after.results)).toEqual([`AWS::::Account ${OWNER} COMPLIANT`]);
  });

  it('reports one AWS::EC2::Image evaluation per AMI with PerAmiEvaluations=true', async () => {
    const key = await grantedKey();
    const good = await seed.image(OWNER, [await seed.snapshot(OWNER, key.arn)], [CONSUMER]);
    const bad = await seed.image(OWNER, [await seed.snapshot(OWNER)], [CONSUMER]);
    const { results } = await runRule({ PerAmiEvaluations: 'true' });
    expect(brief(results)).toEqual(
      [`AWS::EC2::Image ${good} COMPLIANT`, `AWS::EC2::Image ${bad} NON_COMPLIANT`].sort(),
    );
  });
});
