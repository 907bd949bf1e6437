import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { summarizeScan } from '../../../../rules/output/summarizeScan';
import { complianceScan } from '../../../../outputs/report/complianceScan';
import { publishReport, reportKeyBase, reportNotice } from '../../../../outputs/report/publishReport';
import { result } from '../support/aggregator';
import { amiRuleMetadata } from '../support/findings';

const s3 = mockClient(S3Client);
const sns = mockClient(SNSClient);
const NAME = `OrgConfigRule-${amiRuleMetadata.id}-abc123`;
const deployed = (accountId: string) => ({
  ruleId: amiRuleMetadata.id,
  configRuleName: NAME,
  accountId,
  region: 'eu-west-1',
  complianceType: 'NON_COMPLIANT',
});

function scanOf(unreadable: string[] = []) {
  return complianceScan(
    {
      rules: [deployed('111111111111'), deployed('222222222222')],
      results: [
        {
          rule: deployed('111111111111'),
          results: [
            result(
              NAME,
              '111111111111',
              'eu-west-1',
              'AWS::::Account',
              '111111111111',
              'NON_COMPLIANT',
              'ami-0bad: key policy omits 222222222222',
            ),
          ],
        },
      ],
      unreadable,
    },
    [{ id: amiRuleMetadata.id, title: amiRuleMetadata.title, severity: 'HIGH', scenarios: ['L1', 'L2'] }],
    { aggregatorName: 'ami-share-guard', generatedAt: new Date('2026-11-23T18:00:00Z') },
  );
}

describe('report files and notice', () => {
  beforeEach(() => {
    s3.reset();
    sns.reset();
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
  });

  it.each([
    { prefix: 'reports/', key: 'reports/2026/11/23/ami-share-guard-20261123T180000Z' },
    { prefix: 'reports', key: 'reports/2026/11/23/ami-share-guard-20261123T180000Z' },
    { prefix: '', key: '2026/11/23/ami-share-guard-20261123T180000Z' },
  ])('names the files by date under the prefix "$prefix"', ({ prefix, key }) => {
    expect(reportKeyBase(prefix, '2026-11-23T18:00:00.000Z')).toBe(key);
  });

  it('turns each aggregator result into a finding whose reason is the Config annotation', () => {
    expect(scanOf().findings).toEqual([
      {
        ruleId: amiRuleMetadata.id,
        resourceType: 'AWS::::Account',
        resourceId: '111111111111',
        accountId: '111111111111',
        region: 'eu-west-1',
        compliance: 'NON_COMPLIANT',
        scenarios: [],
        reasons: [{ code: 'CONFIG_ANNOTATION', message: 'ami-0bad: key policy omits 222222222222' }],
      },
    ]);
  });

  it('sends a notice with the non-compliant count per rule and where the files are', async () => {
    // Prepare
    const scan = scanOf();
    // Act
    const out = await publishReport({
      s3: new S3Client({ region: 'eu-west-1' }),
      bucket: 'asg-reports',
      prefix: 'reports/',
      scan,
      summary: summarizeScan(scan),
      rendered: { json: '{}', csv: 'a', html: '<html>' },
      sns: {
        client: new SNSClient({ region: 'eu-west-1' }),
        topicArn: 'arn:aws:sns:eu-west-1:111111111111:t',
      },
    });
    // Assess
    expect(s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Key)).toEqual([
      out.keys.json,
      out.keys.csv,
      out.keys.html,
    ]);
    const notice = sns.commandCalls(PublishCommand)[0]?.args[0].input;
    expect(notice?.Subject).toBe('ami-share-guard: 1 non-compliant');
    expect(notice?.Message).toContain(`${amiRuleMetadata.id} (HIGH): 1 NON_COMPLIANT`);
    expect(notice?.Message).toContain(`HTML: s3://asg-reports/${out.keys.html}`);
    expect(out.noticeMessageId).toBe('m-1');
  });

  it('flags an incomplete report in the subject and lists what could not be read', () => {
    // Prepare
    const scan = scanOf(['results of X in 222222222222 eu-west-1 (AccessDenied)']);
    // Act
    const notice = reportNotice(scan, summarizeScan(scan), 'b', { json: 'j', csv: 'c', html: 'h' });
    // Assess
    expect(notice.subject).toBe('ami-share-guard: 1 non-compliant (incomplete)');
    expect(notice.message).toContain('results of X in 222222222222 eu-west-1 (AccessDenied)');
  });
});
