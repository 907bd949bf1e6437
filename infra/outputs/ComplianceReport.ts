import { Annotations, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { InvalidInputError } from '../../rules/core/errors';
import { allRules, type RegisteredRule } from '../../rules/index';
import { PACK_RULES_VARIABLE, packRulesVariable } from '../../outputs/report/reportSettings';
import { RULE_FUNCTION_ARCHITECTURE, RULE_FUNCTION_RUNTIME } from '../lambdaRuntime';
import { ruleFunctionCode } from '../ruleBundling';
import { REPO_ROOT } from '../ruleHandlerEntry';

/** The aggregator the report reads (the organization aggregator of the stack, or an existing one). */
export interface ReportAggregator {
  readonly name: string;
  /** `arn:aws:config:<region>:<account>:config-aggregator/config-aggregator-<id>`. */
  readonly arn: string;
}

/** The actions the report function calls on the aggregator (both scoped to its ARN in IAM). */
export const REPORT_AGGREGATOR_ACTIONS = [
  'config:DescribeAggregateComplianceByConfigRules',
  'config:GetAggregateComplianceDetailsByConfigRule',
] as const;

/** Lambda allows 4 KB of environment variables in all; the rule list keeps room for the rest. */
export const PACK_RULES_MAX_BYTES = 3500;

export interface ComplianceReportProps {
  readonly aggregator: ReportAggregator;
  /**
   * The pack's rules: the function finds their deployed copies (`<id>`, `OrgConfigRule-<id>-…`,
   * `<id>-conformance-pack-…`) by id. Written into the function's environment at synth time, so
   * the report bundle carries the renderers and not the rule evaluators.
   * @default allRules (the registry)
   */
  readonly rules?: readonly RegisteredRule[];
  /**
   * When the report runs (EventBridge Scheduler, UTC).
   * @default every day at 06:00 UTC
   */
  readonly schedule?: ScheduleExpression;
  /**
   * A topic for the "report written" notice (subject: the non-compliant count).
   * @default - no notice
   */
  readonly notificationTopic?: ITopic;
  /**
   * Key prefix of the report files.
   * @default 'reports/'
   */
  readonly prefix?: string;
  /**
   * How long report files are kept before the lifecycle rule deletes them.
   * @default Duration.days(400) (a year of daily reports plus a month)
   */
  readonly reportRetention?: Duration;
  /**
   * How long the report bucket's server access logs are kept.
   * @default Duration.days(365)
   */
  readonly accessLogRetention?: Duration;
  /**
   * The function's Lambda entry.
   * @default `outputs/report/handler.ts`
   */
  readonly entry?: string;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default Duration.minutes(10) (an organization of a few hundred accounts × Regions) */
  readonly timeout?: Duration;
  /** @default RetentionDays.ONE_YEAR */
  readonly logRetention?: RetentionDays;
}

/**
 * The scheduled compliance report: a private, encrypted, SSL-only bucket with a lifecycle and
 * server access logs; the report function (reads the organization aggregator, writes JSON, CSV
 * and HTML under the prefix, optionally notifies a topic) with a least-privilege role; and an
 * EventBridge Scheduler schedule (its own role may invoke only this function).
 */
export class ComplianceReport extends Construct {
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;
  readonly function: LambdaFunction;
  readonly role: Role;
  readonly schedule: Schedule;
  readonly schedulerRole: Role;

  constructor(scope: Construct, id: string, props: ComplianceReportProps) {
    super(scope, id);
    const prefix = props.prefix ?? 'reports/';
    const rules = props.rules ?? allRules;
    const packRules = packRulesVariable(rules);
    if (Buffer.byteLength(packRules) > PACK_RULES_MAX_BYTES) {
      throw new InvalidInputError(
        'ComplianceReportProps.rules',
        `the rule list takes ${Buffer.byteLength(packRules)} bytes, over the ${PACK_RULES_MAX_BYTES} bytes kept for it in the function's 4 KB environment`,
      );
    }
    if (rules.length === 0) {
      Annotations.of(this).addWarningV2(
        'ami-share-guard:reportWithoutRules',
        'The rule registry is empty: the report function will refuse to run (env PACK_RULES is empty).',
      );
    }
    // Grant S3 log delivery through a bucket policy (aws:SourceArn/SourceAccount-bound), not the
    // legacy LogDeliveryWrite ACL, whatever the app's feature flags: the buckets keep ACLs disabled.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);

    this.accessLogs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [
        { id: 'ExpireAccessLogs', expiration: props.accessLogRetention ?? Duration.days(365) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        "This bucket receives the report bucket's server access logs; logging its own access would need a third " +
        'bucket (and so on): AWS documents that a log bucket must not log to itself.',
    });

    this.bucket = new Bucket(this, 'Reports', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'reports-bucket/',
      lifecycleRules: [
        {
          id: 'ExpireReports',
          expiration: props.reportRetention ?? Duration.days(400),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'ami-share-guard scheduled report: read the aggregator, write the report files.',
    });
    this.role.addToPolicy(
      new PolicyStatement({
        sid: 'ReadAggregateCompliance',
        effect: Effect.ALLOW,
        actions: [...REPORT_AGGREGATOR_ACTIONS],
        resources: [props.aggregator.arn],
      }),
    );
    this.role.addToPolicy(
      new PolicyStatement({
        sid: 'WriteReports',
        effect: Effect.ALLOW,
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects(`${prefix}*`)],
      }),
    );
    if (props.notificationTopic) {
      this.role.addToPolicy(
        new PolicyStatement({
          sid: 'NotifyReport',
          effect: Effect.ALLOW,
          actions: ['sns:Publish'],
          resources: [props.notificationTopic.topicArn],
        }),
      );
    }
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(this.bucket.node.defaultChild as never)}.Arn>/${prefix}*]`,
      reason:
        's3:PutObject only, under the report prefix of the report bucket: every run writes new, dated keys ' +
        '(reports/<yyyy>/<mm>/<dd>/ami-share-guard-<time>.{json,csv,html}), unknown at deploy time.',
    });

    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Bundled like the rule functions (scripts/bundleFunction.ts: local esbuild, SDK schema and zod plugins).
    this.function = new LambdaFunction(this, 'Function', {
      code: ruleFunctionCode(props.entry ?? `${REPO_ROOT}/outputs/report/handler.ts`),
      handler: 'index.handler',
      runtime: RULE_FUNCTION_RUNTIME,
      architecture: RULE_FUNCTION_ARCHITECTURE,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.minutes(10),
      description: 'ami-share-guard scheduled compliance report (aggregator -> S3)',
      role: this.role,
      logGroup,
      environment: {
        REPORT_BUCKET: this.bucket.bucketName,
        REPORT_PREFIX: prefix,
        AGGREGATOR_NAME: props.aggregator.name,
        [PACK_RULES_VARIABLE]: packRules,
        ...(props.notificationTopic ? { REPORT_TOPIC_ARN: props.notificationTopic.topicArn } : {}),
      },
    });
    logGroup.grantWrite(this.role);
    const runtimeReason =
      'Node.js 20 is pinned once (infra/lambdaRuntime.ts) for every function of the project so the bundle target, ' +
      'the tests and the deployed runtime agree; the bump before 2027-02-01 is one constant, tracked there.';
    Validations.of(this.function).acknowledge({ id: 'AwsSolutions-L1', reason: runtimeReason });
    Validations.of(this.function).acknowledge({
      id: 'CloudFormation-Validate::W2531',
      reason: runtimeReason,
    });

    this.schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com').withConditions({
        StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
      }),
      description: 'Lets EventBridge Scheduler invoke the ami-share-guard report function, nothing else.',
    });
    this.schedule = new Schedule(this, 'Schedule', {
      schedule: props.schedule ?? ScheduleExpression.cron({ minute: '0', hour: '6' }),
      description: 'ami-share-guard: daily compliance report from the organization aggregator',
      target: new LambdaInvoke(this.function, {
        role: this.schedulerRole,
        retryAttempts: 2,
        maxEventAge: Duration.hours(1),
      }),
    });
    Validations.of(this.schedulerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(this.function.node.defaultChild as never)}.Arn>:*]`,
      reason:
        'lambda:InvokeFunction on the report function and its qualified ARNs (<function>:*, versions and aliases), ' +
        'as CDK grantInvoke writes it: one function, one action; the role is trusted by Scheduler for this account only.',
    });
  }
}
