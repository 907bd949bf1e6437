import { PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../../rules/core/finding';
import { createConfigRuleHandler } from '../../../../rules/core/createConfigRuleHandler';
import { sharedAmiKeyGrantsConsumersRule } from '../../../../rules/shared-ami-key-grants-consumers';
import { scheduledEvent } from '../../../fixtures/events';
import { brief, handlerOptions, recorded, useDefaultAccountCredentials } from './support/launchHandler';
import { resetEmulator } from '../../../support/emulator';
import { LaunchSeed, allowGrants, allowUse, rootDelegation } from './support/seedLaunch';

const OWNER = '111111111111';
const CONSUMER = '222222222222';
const REGION = 'eu-west-1';
const RULE = sharedAmiKeyGrantsConsumersRule.metadata.id;
const STALE = 'AROAEXAMPLESTALE00001';
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

async function runRule() {
  const handler = createConfigRuleHandler(
    sharedAmiKeyGrantsConsumersRule,
    await handlerOptions(OWNER, REGION),
  );
  const summary = await handler(
    scheduledEvent({ accountId: OWNER, region: REGION, ruleName: RULE }),
    lambdaContext,
  );
  const results = await recorded(OWNER, REGION, RULE);
  return { summary, results };
}

const cases: { name: string; broken: JsonObject[]; fixed: JsonObject[]; scenario: string }[] = [
  {
    name: `L1: NON_COMPLIANT when the key policy omits ${CONSUMER} from "Allow use of the key"; L1 twin: COMPLIANT once it names it`,
    broken: [rootDelegation(OWNER), allowGrants([CONSUMER])],
    fixed: [rootDelegation(OWNER), allowUse([CONSUMER]), allowGrants([CONSUMER])],
    scenario: 'L1',
  },
  {
    name: `L2: NON_COMPLIANT when "Allow attachment of persistent resources" omits ${CONSUMER}; L2 twin: COMPLIANT once added`,
    broken: [rootDelegation(OWNER), allowUse([CONSUMER])],
    fixed: [rootDelegation(OWNER), allowUse([CONSUMER]), allowGrants([CONSUMER])],
    scenario: 'L2',
  },
  {
    name: `G3: NON_COMPLIANT when the key policy names the deleted role ${STALE}; G3 twin: COMPLIANT once it names ${CONSUMER}`,
    broken: [rootDelegation(OWNER), allowUse([STALE]), allowGrants([STALE])],
    fixed: [rootDelegation(OWNER), allowUse([CONSUMER]), allowGrants([CONSUMER])],
    scenario: 'G3',
  },
];

describe('Handler: shared-ami-key-grants-consumers against the AWS emulator', () => {
  it.each(cases)('$name', async ({ broken, fixed, scenario }) => {
    // Prepare: an AMI shared with CONSUMER whose snapshot uses a key with the broken policy
    const key = await seed.key(OWNER, broken);
    const image = await seed.image(OWNER, [await seed.snapshot(OWNER, key.arn)], [CONSUMER]);
    // Act
    const before = await runRule();
    // Assess: one AWS::::Account evaluation, NON_COMPLIANT, naming the AMI and the consumer
    expect(before.summary).toMatchObject({ evaluationsPut: 1, organizationMode: false });
    expect(brief(before.results)).toEqual([`AWS::::Account ${OWNER} NON_COMPLIANT`]);
    const annotation = before.results[0]?.Annotation ?? '';
    expect(annotation).toContain(image);
    expect(annotation).toContain(scenario === 'G3' ? 'Stale principal' : CONSUMER);
    expect(annotation.length).toBeLessThanOrEqual(256);

    // Act: fix the key policy as the article says, run again
    await (
      await seed.kms(OWNER)
    ).send(
      new PutKeyPolicyCommand({
        KeyId: key.keyId,
        PolicyName: 'default',
        Policy: JSON.stringify({ Version: '2012-10-17', Statement: fixed }),
      }),
    );
    const after = await runRule();
    // Assess
    expect(brief(after.results)).toEqual([`AWS::::Account ${OWNER} COMPLIANT`]);
  });

  it(`COMPLIANT when the key policy names role launcher of ${CONSUMER}, not the account; NON_COMPLIANT once it names a role of another account instead`, async () => {
    // Prepare: the key lets only role launcher of CONSUMER launch
    const launcher = `arn:aws:iam::${CONSUMER}:role/launcher`;
    const key = await seed.key(OWNER, [rootDelegation(OWNER), allowUse([launcher]), allowGrants([launcher])]);
    await seed.image(OWNER, [await seed.snapshot(OWNER, key.arn)], [CONSUMER]);
    // Act
    const scoped = await runRule();
    // Assess
    expect(brief(scoped.results)).toEqual([`AWS::::Account ${OWNER} COMPLIANT`]);

    // Act: the key names a role of another account instead
    const elsewhere = 'arn:aws:iam::333333333333:role/launcher';
    await (
      await seed.kms(OWNER)
    ).send(
      new PutKeyPolicyCommand({
        KeyId: key.keyId,
        PolicyName: 'default',
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [rootDelegation(OWNER), allowUse([elsewhere]), allowGrants([elsewhere])],
        }),
      }),
    );
    const other = await runRule();
    // Assess
    expect(brief(other.results)).toEqual([`AWS::::Account ${OWNER} NON_COMPLIANT`]);
    expect(other.results[0]?.Annotation).toContain(CONSUMER);
  });
});
