import { describe, expect, it } from 'vitest';
import { packRulesVariable, reportSettingsFrom } from '../../../../outputs/report/reportSettings';
import { amiRuleMetadata } from '../support/findings';

const PACK_RULES = JSON.stringify([
  { id: 'shared-ami-key-access', title: 'T', severity: 'HIGH', scenarios: ['L1'] },
]);
const VALID = { REPORT_BUCKET: 'asg-reports-111111111111', AGGREGATOR_NAME: 'ami-share-guard', PACK_RULES };

describe('report settings', () => {
  it('reads the bucket, the aggregator, a default prefix and no topic', () => {
    expect(reportSettingsFrom(VALID)).toEqual({
      bucket: 'asg-reports-111111111111',
      prefix: 'reports/',
      aggregatorName: 'ami-share-guard',
      rules: [{ id: 'shared-ami-key-access', title: 'T', severity: 'HIGH', scenarios: ['L1'] }],
    });
  });

  it('reads an optional notice topic', () => {
    const topic = 'arn:aws:sns:eu-west-1:111111111111:asg-reports';
    expect(reportSettingsFrom({ ...VALID, REPORT_TOPIC_ARN: topic }).topicArn).toBe(topic);
  });

  it.each([
    { env: { AGGREGATOR_NAME: 'a', PACK_RULES }, message: 'env.REPORT_BUCKET: missing' },
    {
      env: { ...VALID, REPORT_BUCKET: 'Bad_Bucket' },
      message: 'env.REPORT_BUCKET: expected an S3 bucket name',
    },
    { env: { REPORT_BUCKET: 'asg-reports', PACK_RULES }, message: 'env.AGGREGATOR_NAME: missing' },
    { env: { REPORT_BUCKET: 'asg-reports', AGGREGATOR_NAME: 'a' }, message: 'env.PACK_RULES: missing' },
    {
      env: { ...VALID, REPORT_TOPIC_ARN: 'my-topic' },
      message: 'env.REPORT_TOPIC_ARN: expected an SNS topic ARN',
    },
  ])('fails naming the variable: $message', ({ env, message }) => {
    expect(() => reportSettingsFrom(env)).toThrow(message);
  });
});

describe('the pack rules variable', () => {
  const rules = [{ metadata: amiRuleMetadata }];

  it('round-trips the rule ids, titles, severities and scenarios written at synth time', () => {
    // Act
    const settings = reportSettingsFrom({ ...VALID, PACK_RULES: packRulesVariable(rules) });
    // Assess
    expect(settings.rules).toEqual([
      { id: amiRuleMetadata.id, title: amiRuleMetadata.title, severity: 'HIGH', scenarios: ['L1', 'L2'] },
    ]);
  });

  it.each([
    { value: 'not json', message: 'env.PACK_RULES: not valid JSON' },
    { value: '[]', message: 'env.PACK_RULES: expected at least one rule' },
    {
      value: JSON.stringify([{ id: 'x', title: 't', severity: 'SEVERE', scenarios: [] }]),
      message: 'env.PACK_RULES[0].severity',
    },
  ])('fails naming the variable when it is $value', ({ value, message }) => {
    expect(() => reportSettingsFrom({ ...VALID, PACK_RULES: value })).toThrow(message);
  });
});
