import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { ComplianceReport } from '../../../../infra/outputs/ComplianceReport';
import { fixtureRules } from '../../../infra/fixtures';
import { cfnLint, setupCfnLint } from '../../../infra/support/cfnLint';
import { leastPrivilegeBreaches, templateIam } from '../../../infra/support/iamPolicyWalker';

const AGGREGATOR = {
  name: 'ami-share-guard',
  arn: 'arn:aws:config:eu-west-1:111122223333:config-aggregator/config-aggregator-abcd1234',
};
const TOPIC = 'arn:aws:sns:eu-west-1:111122223333:asg-reports';

type Json = Record<string, unknown>;

function synth(withTopic: boolean): { stack: Stack; template: Template } {
  // Only the plain variant bundles the real report function (proving it bundles); the other skips
  // esbuild through CDK's own `aws:cdk:bundling-stacks` context (same template but the asset hash).
  const app = new App(withTopic ? { context: { 'aws:cdk:bundling-stacks': [] } } : {});
  const stack = new Stack(app, `Report${withTopic ? 'Topic' : ''}`, {
    env: { account: '111122223333', region: 'eu-west-1' },
  });
  new ComplianceReport(stack, 'Report', {
    aggregator: AGGREGATOR,
    rules: fixtureRules,
    ...(withTopic ? { notificationTopic: Topic.fromTopicArn(stack, 'Topic', TOPIC) } : {}),
  });
  return { stack, template: Template.fromStack(stack) };
}

function policyStatements(template: Template): Json[] {
  return Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
    (p) =>
      (p as { Properties: { PolicyDocument: { Statement: Json[] } } }).Properties.PolicyDocument.Statement,
  );
}

describe('ComplianceReport construct', () => {
  let plain: { stack: Stack; template: Template };
  let notified: { stack: Stack; template: Template };
  beforeAll(() => {
    plain = synth(false);
    notified = synth(true);
  });

  it('keeps the report bucket private, S3-encrypted, SSL-only, logged and expiring', () => {
    const buckets = plain.template.findResources('AWS::S3::Bucket', {
      Properties: { LoggingConfiguration: Match.anyValue() },
    });
    const [reports] = Object.values(buckets) as { Properties: Json }[];
    expect(Object.keys(buckets)).toHaveLength(1);
    expect(reports?.Properties).toMatchObject({
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LifecycleConfiguration: {
        Rules: [
          expect.objectContaining({
            ExpirationInDays: 400,
            Status: 'Enabled',
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
          }),
        ],
      },
    });
    plain.template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('schedules the function daily with EventBridge Scheduler, whose role may invoke only that function', () => {
    plain.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 6 * * ? *)',
      Target: Match.objectLike({ RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 } }),
    });
    const invoke = policyStatements(plain.template).filter((s) => s.Action === 'lambda:InvokeFunction');
    expect(invoke.length).toBeGreaterThan(0);
    for (const s of invoke) expect(JSON.stringify(s.Resource)).toContain('ReportFunction');
  });

  it('gives the function only the aggregator reads, PutObject under the prefix and its logs', () => {
    const statements = policyStatements(plain.template).filter((s) => s.Action !== 'lambda:InvokeFunction');
    const actions = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(actions.sort()).toEqual(
      [
        'config:DescribeAggregateComplianceByConfigRules',
        'config:GetAggregateComplianceDetailsByConfigRule',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        's3:PutObject',
      ].sort(),
    );
    expect(statements.find((s) => s.Sid === 'ReadAggregateCompliance')?.Resource).toBe(AGGREGATOR.arn);
    expect(JSON.stringify(statements.find((s) => s.Sid === 'WriteReports')?.Resource)).toContain(
      '/reports/*',
    );
  });

  it('adds sns:Publish on the one topic only when a topic is given, and passes it to the function', () => {
    expect(policyStatements(plain.template).some((s) => s.Action === 'sns:Publish')).toBe(false);
    expect(policyStatements(notified.template).find((s) => s.Action === 'sns:Publish')?.Resource).toBe(TOPIC);
    notified.template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          AGGREGATOR_NAME: 'ami-share-guard',
          REPORT_PREFIX: 'reports/',
          REPORT_TOPIC_ARN: TOPIC,
        }),
      },
    });
  });

  it.each(['plain', 'notified'] as const)(
    'passes cdk-nag AwsSolutions with every finding acknowledged (%s)',
    (which) => {
      const { stack } = which === 'plain' ? plain : notified;
      const report = new AwsSolutionsChecks().validateScope(stack);
      expect(
        report.violations.map(
          (v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.resourceLogicalId).join(', ')}`,
        ),
      ).toEqual([]);
    },
  );

  it("writes the pack's rule ids into the function's environment, for it to find their generated names", () => {
    const fn = Object.values(plain.template.findResources('AWS::Lambda::Function')).find((f) =>
      JSON.stringify(f).includes('PACK_RULES'),
    ) as { Properties: { Environment: { Variables: Record<string, string> } } } | undefined;
    const rules = JSON.parse(fn?.Properties.Environment.Variables.PACK_RULES ?? '[]') as { id: string }[];
    expect(rules.map((r) => r.id)).toEqual(fixtureRules.map((r) => r.metadata.id));
  });

  it('refuses a rule list too large for the function environment, naming the prop', () => {
    const stack = new Stack(new App(), 'TooMany');
    const many = Array.from({ length: 40 }, (_, i) => ({
      metadata: { ...fixtureRules[0]!.metadata, id: `rule-${i}`, title: 'x'.repeat(100) },
    }));
    expect(() => new ComplianceReport(stack, 'Report', { aggregator: AGGREGATOR, rules: many })).toThrow(
      'ComplianceReportProps.rules',
    );
  });

  it('passes cfn-lint', () => {
    setupCfnLint();
    const result = cfnLint({
      report: plain.template.toJSON() as Json,
      notified: notified.template.toJSON() as Json,
    });
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('breaches no least-privilege rule of the project (no KMS data actions, no wildcard write)', () => {
    expect(leastPrivilegeBreaches(templateIam(notified.template.toJSON() as Json), [])).toEqual([]);
  });
});
