import { describe, expect, it } from 'vitest';
import { reportSettingsFrom } from '../../../../outputs/report/reportSettings';

const VALID = { REPORT_BUCKET: 'asg-reports-111111111111', AGGREGATOR_NAME: 'ami-share-guard' };

describe('report settings', () => {
  it('reads the bucket, the aggregator, a default prefix and no topic', () => {
    expect(reportSettingsFrom(VALID)).toEqual({
      bucket: 'asg-reports-111111111111',
      prefix: 'reports/',
      aggregatorName: 'ami-share-guard',
    });
  });

  it('reads an optional notice topic', () => {
    const topic = 'arn:aws:sns:eu-west-1:111111111111:asg-reports';
    expect(reportSettingsFrom({ ...VALID, REPORT_TOPIC_ARN: topic }).topicArn).toBe(topic);
  });

  it.each([
    { env: { AGGREGATOR_NAME: 'a' }, message: 'env.REPORT_BUCKET: missing' },
    {
      env: { ...VALID, REPORT_BUCKET: 'Bad_Bucket' },
      message: 'env.REPORT_BUCKET: expected an S3 bucket name',
    },
    { env: { REPORT_BUCKET: 'asg-reports' }, message: 'env.AGGREGATOR_NAME: missing' },
    {
      env: { ...VALID, REPORT_TOPIC_ARN: 'my-topic' },
      message: 'env.REPORT_TOPIC_ARN: expected an SNS topic ARN',
    },
  ])('fails naming the variable: $message', ({ env, message }) => {
    expect(() => reportSettingsFrom(env)).toThrow(message);
  });
});
