import { GetFindingsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AwsClientConfig } from '../../../rules/core/ruleDefinition';
import { createSecurityHubSink } from '../../../outputs/securityhub/securityHubSink';
import { EMULATOR_DEFAULT_ACCOUNT, emulatorConfig, resetEmulator } from '../../support/emulator';
import { accountFinding, amiFinding, amiRuleMetadata } from '../../unit/outputs/support/findings';

const REGION = 'eu-west-1';
const A = '111111111111';
const B = '333333333333';

// moto 5 implements BatchImportFindings and GetFindings per account and Region (it ignores
// GetFindings filters: the sink re-applies them itself). Each account's client is signed with
// credentials from STS AssumeRole into that account, as the member role would be.
async function memberConfigs(): Promise<(accountId: string, region: string) => AwsClientConfig> {
  const base = await emulatorConfig(EMULATOR_DEFAULT_ACCOUNT, REGION);
  const byAccount = new Map<string, AwsClientConfig>();
  for (const accountId of [A, B]) {
    const out = await new STSClient(base).send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${accountId}:role/AmiShareGuardExecutionRole`,
        RoleSessionName: 'sink',
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error('the emulator returned no credentials');
    byAccount.set(accountId, {
      region: REGION,
      endpoint: base.endpoint,
      retryMode: 'adaptive',
      maxAttempts: 1,
      credentials: {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken ?? '',
      },
    });
  }
  return (accountId, region) => {
    const config = byAccount.get(accountId);
    if (!config) throw new Error(`no member credentials for ${accountId}`);
    return { ...config, region };
  };
}

async function findingsIn(awsConfigFor: (a: string, r: string) => AwsClientConfig, accountId: string) {
  const out = await new SecurityHubClient(awsConfigFor(accountId, REGION)).send(new GetFindingsCommand({}));
  return out.Findings ?? [];
}

describe('Security Hub sink over the emulator', () => {
  beforeEach(async () => {
    await resetEmulator();
  });

  it("imports each account's findings into that account, then closes the fixed one as PASSED and ARCHIVED", async () => {
    // Prepare
    const awsConfigFor = await memberConfigs();
    const first = createSecurityHubSink({ awsConfigFor, now: () => new Date('2026-11-23T18:00:00Z') });
    const second = createSecurityHubSink({ awsConfigFor, now: () => new Date('2026-11-24T18:00:00Z') });
    const base = { metadata: amiRuleMetadata, region: REGION, scope: 'all' as const, complete: true };

    // Act: a first run finds ami-0a (account A) and ami-0b (account B) broken
    await first({
      ...base,
      accountId: A,
      findings: [accountFinding([amiFinding('ami-0a', 'NON_COMPLIANT', A)], A)],
    });
    await first({
      ...base,
      accountId: B,
      findings: [accountFinding([amiFinding('ami-0b', 'NON_COMPLIANT', B)], B)],
    });
    const inA = await findingsIn(awsConfigFor, A);
    const inB = await findingsIn(awsConfigFor, B);
    // ... and a day later ami-0a is fixed
    const outcome = await second({
      ...base,
      accountId: A,
      findings: [accountFinding([amiFinding('ami-0a', 'COMPLIANT', A)], A)],
    });
    const afterFix = await findingsIn(awsConfigFor, A);

    // Assess
    expect(inA.map((f) => [f.AwsAccountId, f.Resources?.[0]?.Id])).toEqual([
      [A, `arn:aws:ec2:${REGION}::image/ami-0a`],
    ]);
    expect(inB.map((f) => [f.AwsAccountId, f.Resources?.[0]?.Id])).toEqual([
      [B, `arn:aws:ec2:${REGION}::image/ami-0b`],
    ]);
    expect(inA[0]).toMatchObject({ Compliance: { Status: 'FAILED' }, RecordState: 'ACTIVE' });
    expect(outcome).toMatchObject({ imported: 0, resolved: 1, failed: [] });
    expect(afterFix).toEqual([
      expect.objectContaining({
        Id: inA[0]?.Id,
        Compliance: { Status: 'PASSED' },
        RecordState: 'ARCHIVED',
        UpdatedAt: '2026-11-24T18:00:00.000Z',
      }),
    ]);
    expect((await findingsIn(awsConfigFor, B))[0]).toMatchObject({ Compliance: { Status: 'FAILED' } });
  });
});
