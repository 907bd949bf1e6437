import { IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../../rules/core/finding';
import { createConfigRuleHandler } from '../../../../rules/core/createConfigRuleHandler';
import { amiConsumerRoleKmsAccessRule } from '../../../../rules/ami-consumer-role-kms-access';
import { changeEvent, scheduledEvent } from '../../../fixtures/events';
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
const RULE = amiConsumerRoleKmsAccessRule.metadata.id;
const ORG_MODE = { ExecutionRoleName: 'AmiShareGuardMember' };
const lambdaContext = { getRemainingTimeInMillis: () => 900_000 };

const RUN_INSTANCES: JsonObject = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['ec2:RunInstances', 'ec2:Describe*'], Resource: '*' }],
};
/** The article's KmsKeyUsagePolicy on the foreign key. */
const kmsKeyUsagePolicy = (keyArn: string): JsonObject => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
      Resource: [keyArn],
    },
    {
      Effect: 'Allow',
      Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
      Resource: [keyArn],
      Condition: { Bool: { 'kms:GrantIsForAWSResource': true } },
    },
  ],
});

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

/** OWNER shares an AMI encrypted with its key (policy `keyStatements`) with CONSUMER, whose role launcher may RunInstances. */
async function seedShare(keyStatements: JsonObject[]) {
  const key = await seed.key(OWNER, keyStatements);
  const image = await seed.image(OWNER, [await seed.snapshot(OWNER, key.arn)], [CONSUMER]);
  const roleId = await seed.role(CONSUMER, 'launcher', { run: RUN_INSTANCES });
  return { key, image, roleId };
}

async function runRule(
  organization: boolean,
  event = scheduledEvent({
    accountId: CONSUMER,
    region: REGION,
    ruleName: RULE,
    ...(organization ? { ruleParameters: ORG_MODE } : {}),
  }),
) {
  const handler = createConfigRuleHandler(
    amiConsumerRoleKmsAccessRule,
    await handlerOptions(CONSUMER, REGION, organization),
  );
  const summary = await handler(event, lambdaContext);
  return { summary, results: await recorded(CONSUMER, REGION, RULE) };
}

const granted = [rootDelegation(OWNER), allowUse([CONSUMER]), allowGrants([CONSUMER])];

describe('Handler: ami-consumer-role-kms-access against the AWS emulator', () => {
  it('L3: NON_COMPLIANT in organization mode when role launcher has no IAM permission on the foreign key (owner read with the second account); L3 twin: COMPLIANT once KmsKeyUsagePolicy is attached', async () => {
    // Prepare
    const { key, roleId } = await seedShare(granted);
    // Act
    const before = await runRule(true);
    // Assess: the evaluation is put in the consumer account, on the role
    expect(before.summary).toMatchObject({ organizationMode: true });
    expect(brief(before.results)).toEqual([`AWS::IAM::Role ${roleId} NON_COMPLIANT`]);
    expect(before.results[0]?.Annotation).toContain(
      'Role launcher lacks Decrypt, DescribeKey +3 more on foreign key',
    );
    // Act: attach the article's policy
    const iam = new IAMClient(await emulatorConfig(CONSUMER, REGION));
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'launcher',
        PolicyName: 'KmsKeyUsagePolicy',
        PolicyDocument: JSON.stringify(kmsKeyUsagePolicy(key.arn)),
      }),
    );
    const after = await runRule(true);
    // Assess
    expect(brief(after.results)).toEqual([`AWS::IAM::Role ${roleId} COMPLIANT`]);
  });

  it('L1: NON_COMPLIANT in organization mode when the role is fine but the owner key policy omits the consumer account', async () => {
    const { key, roleId } = await seedShare([rootDelegation(OWNER)]);
    const iam = new IAMClient(await emulatorConfig(CONSUMER, REGION));
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'launcher',
        PolicyName: 'KmsKeyUsagePolicy',
        PolicyDocument: JSON.stringify(kmsKeyUsagePolicy(key.arn)),
      }),
    );
    const { results } = await runRule(true);
    expect(brief(results)).toEqual([`AWS::IAM::Role ${roleId} NON_COMPLIANT`]);
    expect(results[0]?.Annotation).toContain('does not let role launcher use');
  });

  it('NON_COMPLIANT (FACT_UNREADABLE, never COMPLIANT) in single-account mode, where the snapshot and its owner cannot be read', async () => {
    const { roleId } = await seedShare(granted);
    const { summary, results } = await runRule(false);
    expect(summary).toMatchObject({ organizationMode: false });
    expect(brief(results)).toEqual([`AWS::IAM::Role ${roleId} NON_COMPLIANT`]);
    expect(results[0]?.Annotation).toContain('unknown: snapshot not visible, owner not read');
  });

  it('judges the role of a change-triggered AWS::IAM::Role item only', async () => {
    const { roleId } = await seedShare(granted);
    await seed.role(CONSUMER, 'other-launcher', { run: RUN_INSTANCES });
    const event = changeEvent({
      ruleName: RULE,
      ruleParameters: ORG_MODE,
      ci: {
        awsAccountId: CONSUMER,
        awsRegion: REGION,
        resourceType: 'AWS::IAM::Role',
        resourceId: roleId,
        resourceName: 'launcher',
        ARN: `arn:aws:iam::${CONSUMER}:role/launcher`,
        configuration: {},
      },
    });
    const { results } = await runRule(true, event);
    expect(brief(results)).toEqual([`AWS::IAM::Role ${roleId} NON_COMPLIANT`]);
  });
});
