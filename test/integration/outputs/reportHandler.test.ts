import {
  ConfigServiceClient,
  GetAggregateComplianceDetailsByConfigRuleCommand,
} from '@aws-sdk/client-config-service';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCapturingLogger } from '../../../rules/core/logger';
import { parseScanResult } from '../../../rules/output/scanResult';
import { createReportHandler } from '../../../outputs/report/createReportHandler';
import { EMULATOR_DEFAULT_ACCOUNT, emulatorConfig, resetEmulator } from '../../support/emulator';
import { amiRuleMetadata } from '../../unit/outputs/support/findings';
import { result, rollup, serveAggregator } from '../../unit/outputs/support/aggregator';

const REGION = 'eu-west-1';
const BUCKET = 'asg-reports-test';
const ORG_RULE = `OrgConfigRule-${amiRuleMetadata.id}-wmqphvws`;
const NOW = new Date('2026-11-23T18:00:00.000Z');
const RULES = [
  {
    id: amiRuleMetadata.id,
    title: amiRuleMetadata.title,
    severity: amiRuleMetadata.severity,
    scenarios: [...amiRuleMetadata.scenarios],
  },
];

// moto has no aggregator compliance APIs (DescribeAggregateComplianceByConfigRules,
// GetAggregateComplianceDetailsByConfigRule): they are served by aws-sdk-client-mock, shaped like
// the real API. S3 and SNS are the emulator's, over HTTP.
async function setup() {
  const aws = await emulatorConfig(EMULATOR_DEFAULT_ACCOUNT, REGION);
  const s3 = new S3Client(aws);
  const sns = new SNSClient(aws);
  await s3.send(
    new CreateBucketCommand({ Bucket: BUCKET, CreateBucketConfiguration: { LocationConstraint: REGION } }),
  );
  const topic = await sns.send(new CreateTopicCommand({ Name: 'asg-reports' }));
  const config = new ConfigServiceClient({ region: REGION });
  const configMock = mockClient(config);
  serveAggregator(
    configMock,
    [
      rollup(ORG_RULE, '111111111111', REGION, 'NON_COMPLIANT'),
      rollup(ORG_RULE, '222222222222', REGION, 'COMPLIANT'),
      rollup('OrgConfigRule-someone-elses-rule-abc123', '111111111111', REGION, 'NON_COMPLIANT'),
    ],
    [
      result(
        ORG_RULE,
        '111111111111',
        REGION,
        'AWS::::Account',
        '111111111111',
        'NON_COMPLIANT',
        'ami-0bad: the key policy omits consumer 222222222222',
      ),
      result(ORG_RULE, '222222222222', REGION, 'AWS::::Account', '222222222222', 'COMPLIANT'),
    ],
  );
  return { s3, sns, config, configMock, topicArn: topic.TopicArn ?? '' };
}

async function text(s3: S3Client, key: string): Promise<{ body: string; contentType: string | undefined }> {
  const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return { body: (await out.Body?.transformToString()) ?? '', contentType: out.ContentType };
}

describe('scheduled compliance report (S3 and SNS in the emulator)', () => {
  beforeEach(async () => {
    await resetEmulator();
  });

  it('writes the JSON, CSV and HTML report of the aggregator view to the bucket and sends a notice', async () => {
    // Prepare
    const { s3, sns, config, topicArn } = await setup();
    const logger = createCapturingLogger();
    const handler = createReportHandler({
      settings: {
        bucket: BUCKET,
        prefix: 'reports/',
        aggregatorName: 'ami-share-guard',
        topicArn,
        rules: RULES,
      },
      config,
      s3,
      sns,
      now: () => NOW,
      logger: logger.logger,
    });
    // Act
    const summary = await handler({ source: 'aws.scheduler' });
    // Assess
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'reports/' }));
    const keys = (listed.Contents ?? []).map((o) => o.Key).sort();
    const base = 'reports/2026/11/23/ami-share-guard-20261123T180000Z';
    expect(keys).toEqual([`${base}.csv`, `${base}.html`, `${base}.json`]);
    expect(summary).toMatchObject({ deployedRules: 2, evaluations: 2, nonCompliant: 1, complete: true });
    expect(summary.noticeMessageId).toBeTruthy();

    const json = await text(s3, `${base}.json`);
    expect(json.contentType).toContain('application/json');
    const scan = parseScanResult(json.body);
    expect(scan.source.kind).toBe('config-aggregator');
    expect(scan.findings).toEqual([
      expect.objectContaining({
        ruleId: amiRuleMetadata.id,
        accountId: '111111111111',
        compliance: 'NON_COMPLIANT',
        reasons: [
          { code: 'CONFIG_ANNOTATION', message: 'ami-0bad: the key policy omits consumer 222222222222' },
        ],
      }),
      expect.objectContaining({ accountId: '222222222222', compliance: 'COMPLIANT' }),
    ]);

    const csv = await text(s3, `${base}.csv`);
    expect(csv.contentType).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toMatch(/^ruleId,severity,accountId,region/);
    expect(csv.body).toContain('ami-0bad: the key policy omits consumer 222222222222');

    const html = await text(s3, `${base}.html`);
    expect(html.contentType).toContain('text/html');
    expect(html.body).toMatch(/^<!doctype html>/i);
    expect(html.body).toContain('111111111111');

    expect(logger.records.find((r) => r.message === 'report written')).toMatchObject({ nonCompliant: 1 });
  });

  it('writes an incomplete report naming what it could not read, and says so in the log', async () => {
    // Prepare
    const { s3, config, configMock } = await setup();
    configMock
      .on(GetAggregateComplianceDetailsByConfigRuleCommand, { AccountId: '222222222222' })
      .rejects(Object.assign(new Error('throttled too long'), { name: 'ThrottlingException' }));
    const logger = createCapturingLogger();
    const handler = createReportHandler({
      settings: { bucket: BUCKET, prefix: 'reports', aggregatorName: 'ami-share-guard', rules: RULES },
      config,
      s3,
      now: () => NOW,
      logger: logger.logger,
    });
    // Act
    const summary = await handler();
    // Assess
    expect(summary.complete).toBe(false);
    const scan = parseScanResult((await text(s3, summary.keys.json)).body);
    expect(scan.unknownFacts).toEqual([
      `results of ${ORG_RULE} in 222222222222 ${REGION} (ThrottlingException: throttled too long)`,
    ]);
    expect(scan.findings.map((f) => f.accountId)).toEqual(['111111111111']);
    expect(logger.records.find((r) => r.message === 'report written incomplete')?.['level']).toBe('ERROR');
  });
});
