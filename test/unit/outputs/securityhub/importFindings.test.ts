import {
  BatchImportFindingsCommand,
  SecurityHubClient,
  type AwsSecurityFinding,
} from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  BATCH_IMPORT_MAX_BYTES,
  FINDING_MAX_BYTES,
  batchFindings,
  importFindings,
} from '../../../../outputs/securityhub/importFindings';
import { TokenBucket } from '../../../../outputs/securityhub/TokenBucket';

const hub = mockClient(SecurityHubClient);

function finding(id: string, descriptionBytes = 10): AwsSecurityFinding {
  return {
    SchemaVersion: '2018-10-08',
    Id: id,
    ProductArn: 'arn:aws:securityhub:eu-west-1:111111111111:product/111111111111/default',
    GeneratorId: 'ami-share-guard/test',
    AwsAccountId: '111111111111',
    CreatedAt: '2026-11-23T00:00:00.000Z',
    UpdatedAt: '2026-11-23T00:00:00.000Z',
    Title: 'Test',
    Description: 'x'.repeat(descriptionBytes),
    Resources: [{ Type: 'Other', Id: id }],
  };
}

const bytes = (batch: AwsSecurityFinding[]): number => Buffer.byteLength(JSON.stringify(batch));

describe('BatchImportFindings batching', () => {
  beforeEach(() => {
    hub.reset();
    hub.on(BatchImportFindingsCommand).callsFake((input: { Findings?: unknown[] }) => ({
      SuccessCount: input.Findings?.length ?? 0,
      FailedCount: 0,
    }));
  });

  it.each([
    { count: 1, sizes: [1] },
    { count: 100, sizes: [100] },
    { count: 101, sizes: [100, 1] },
    { count: 250, sizes: [100, 100, 50] },
  ])('splits $count small findings into batches of $sizes', ({ count, sizes }) => {
    const batches = batchFindings(Array.from({ length: count }, (_, i) => finding(`f-${i}`)));
    expect(batches.map((b) => b.length)).toEqual(sizes);
  });

  it('keeps every request under 6 MB when findings are large', () => {
    // Prepare: 60 findings of ~200 KB would be 12 MB in one request of 60
    const large = Array.from({ length: 60 }, (_, i) => finding(`big-${i}`, 200 * 1024));
    // Act
    const batches = batchFindings(large);
    // Assess
    expect(batches.length).toBeGreaterThan(1);
    for (const b of batches) expect(bytes(b)).toBeLessThanOrEqual(BATCH_IMPORT_MAX_BYTES);
    expect(batches.flat().map((f) => f.Id)).toEqual(large.map((f) => f.Id));
  });

  it('does not send a finding over 240 KB and names it as failed', async () => {
    // Prepare
    const tooBig = finding('too-big', FINDING_MAX_BYTES + 1);
    // Act
    const outcome = await importFindings({
      client: new SecurityHubClient({ region: 'eu-west-1' }),
      findings: [finding('ok'), tooBig],
      bucket: new TokenBucket({ ratePerSecond: 1000, capacity: 10 }),
    });
    // Assess
    expect(outcome.imported).toBe(1);
    expect(outcome.failed).toEqual([
      expect.objectContaining({ id: 'too-big', accountId: '111111111111', errorCode: 'FindingTooLarge' }),
    ]);
    const sent = hub.commandCalls(BatchImportFindingsCommand).flatMap((c) => c.args[0].input.Findings ?? []);
    expect(sent.map((f) => f.Id)).toEqual(['ok']);
  });
});
