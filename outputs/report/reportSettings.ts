import { z } from 'zod';
import { InvalidInputError } from '../../rules/core/errors';

/** The report function's configuration, from its environment (set by the CDK construct). */
export interface ReportSettings {
  readonly bucket: string;
  readonly prefix: string;
  readonly aggregatorName: string;
  readonly topicArn?: string;
  readonly region?: string;
}

const schema = z.object({
  REPORT_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'expected an S3 bucket name'),
  REPORT_PREFIX: z.string().max(512).default('reports/'),
  AGGREGATOR_NAME: z.string().regex(/^[\w-]{1,256}$/, 'expected a Config aggregator name'),
  REPORT_TOPIC_ARN: z
    .string()
    .regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}$/, 'expected an SNS topic ARN')
    .optional(),
  AWS_REGION: z.string().optional(),
});

/** Reads and checks the settings; a bad or missing variable throws an error naming it. */
export function reportSettingsFrom(env: Readonly<Record<string, string | undefined>>): ReportSettings {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const problem = issue?.code === 'invalid_type' ? 'missing' : (issue?.message ?? 'invalid');
    throw new InvalidInputError(`env.${name}`, problem);
  }
  const e = parsed.data;
  return {
    bucket: e.REPORT_BUCKET,
    prefix: e.REPORT_PREFIX,
    aggregatorName: e.AGGREGATOR_NAME,
    ...(e.REPORT_TOPIC_ARN ? { topicArn: e.REPORT_TOPIC_ARN } : {}),
    ...(e.AWS_REGION ? { region: e.AWS_REGION } : {}),
  };
}
