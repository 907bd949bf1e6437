import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ebsDefaultKeyShareableRule } from '../../../../rules/ebs-default-key-shareable';
import { registerRule } from '../../../../rules/kit/packRule';
import { BASE_CREDENTIALS, IbEmulator } from '../imagebuilder-pipeline-distribution-ready/support/ibEmulator';
import { SOURCE } from '../imagebuilder-pipeline-distribution-ready/support/ibWorld';
import { brief, runRule } from '../imagebuilder-pipeline-distribution-ready/support/runRule';

const rule = registerRule(ebsDefaultKeyShareableRule);
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

describe('Handler: ebs-default-key-shareable (emulator: EBS encryption by default and its key)', () => {
  it('D5: NON_COMPLIANT when encryption by default uses alias/aws/ebs in an account running a cross-account pipeline; D5 twin: COMPLIANT once ModifyEbsDefaultKmsKeyId sets the customer managed key', async () => {
    const before = await runRule(emulator, rule, { ebsDefault: 'aws-managed' });
    expect(brief(before.results)).toEqual([`AWS::::Account ${SOURCE} NON_COMPLIANT`]);
    expect(before.annotation).toContain('uses the AWS managed key (alias/aws/ebs)');

    const after = await runRule(emulator, rule, { ebsDefault: 'cmk' });
    expect(brief(after.results)).toEqual([`AWS::::Account ${SOURCE} COMPLIANT`]);
  });
});
