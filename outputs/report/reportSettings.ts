import { z } from 'zod';
import { InvalidInputError } from '../../rules/core/errors';
import type { RuleMetadata } from '../../rules/core/ruleMetadata';
import { SCENARIO_IDS } from '../../rules/core/ruleMetadata';
import type { ScanRuleInfo } from '../../rules/output/scanResult';

/** The environment variable that carries the pack's rules (ids, titles, severities, scenarios). */
export const PACK_RULES_VARIABLE = 'PACK_RULES';

/** The report function's configuration, from its environment (set by the CDK construct). */
export interface ReportSettings {
  readonly bucket: string;
  readonly prefix: string;
  readonly aggregatorName: string;
  readonly topicArn?: string;
  readonly region?: string;
  /** The pack's rules: their ids find the deployed rules; the rest labels the report. */
  readonly rules: readonly ScanRuleInfo[];
}

const ruleInfoSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'expected a rule id'),
  title: z.string(),
  severity: z.enum(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL']),
  scenarios: z.array(z.enum(SCENARIO_IDS)),
});

/** What the report needs of each rule, compact enough for a Lambda environment variable. */
export function packRulesVariable(rules: readonly { readonly metadata: RuleMetadata<unknown> }[]): string {
  return JSON.stringify(
    rules.map(({ metadata: m }) => ({
      id: m.id,
      title: m.title,
      severity: m.severity,
      scenarios: m.scenarios,
    })),
  );
}

function parsePackRules(raw: string): ScanRuleInfo[] {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new InvalidInputError(`env.${PACK_RULES_VARIABLE}`, 'not valid JSON', { cause: error });
  }
  const parsed = z.array(ruleInfoSchema).min(1, 'expected at least one rule').safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.length ? `[${issue.path.join('].')}` : '';
    throw new InvalidInputError(`env.${PACK_RULES_VARIABLE}${at}`, issue?.message ?? 'invalid');
  }
  return parsed.data;
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
  [PACK_RULES_VARIABLE]: z.string(),
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
    rules: parsePackRules(e[PACK_RULES_VARIABLE]),
  };
}
