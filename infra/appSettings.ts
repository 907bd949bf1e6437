import { z } from 'zod';
import { InvalidInputError } from '../rules/core/errors';
import type { RuleParameterOverrides } from './ruleInputParameters';

const accountId = z.string().regex(/^\d{12}$/, 'must be a 12-digit account id');
const ouOrRoot = z
  .string()
  .regex(
    /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/,
    'must be a root id (r-…) or an OU id (ou-…)',
  );

/** `-c key=a,b` arrives as a string; cdk.json may hold an array. */
function csv<T extends z.ZodType<string>>(item: T) {
  return z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s.length > 0)
        : value,
    z.array(item),
  );
}

function jsonObject<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }, schema);
}

const booleanFlag = z.preprocess(
  (value) => (value === 'true' ? true : value === 'false' ? false : value),
  z.boolean(),
);

/** The CDK context the app reads (`-c key=value` or cdk.json `context`), validated. */
export const appSettingsSchema = z.object({
  /** `single`: one account; `organization`: the delegated administrator account. */
  mode: z.enum(['single', 'organization']).default('single'),
  /** Organization mode: org Config rules or one org conformance pack. */
  deployAs: z.enum(['rules', 'conformance-pack']).default('rules'),
  organizationId: z
    .string()
    .regex(/^o-[a-z0-9]{10,32}$/, 'must be an organization id (o-…)')
    .optional(),
  targetOrganizationalUnitIds: csv(ouOrRoot).optional(),
  executionRoleName: z
    .string()
    .regex(/^[A-Za-z0-9+=,.@_-]{1,64}$/, 'must be an IAM role name (no path)')
    .optional(),
  excludedAccounts: csv(accountId).optional(),
  invokerAccounts: csv(accountId).optional(),
  allowConfigInvokeFromAnyAccount: booleanFlag.optional(),
  callAs: z.enum(['DELEGATED_ADMIN', 'SELF']).optional(),
  aggregator: booleanFlag.optional(),
  /** Send the rules' findings to Security Hub (rule parameter SecurityHubImport=true). */
  securityHubImport: booleanFlag.optional(),
  /** Organization mode: the scheduled compliance report (default on with the aggregator). */
  report: booleanFlag.optional(),
  reportTopicArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}$/, 'must be an SNS topic ARN')
    .optional(),
  ruleParameters: jsonObject(z.record(z.string(), z.record(z.string(), z.string()))).optional(),
  stackName: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/, 'must be a stack name')
    .optional(),
});

export type AppSettings = z.infer<typeof appSettingsSchema> & {
  readonly ruleParameters?: RuleParameterOverrides;
};

/** The context keys the app reads. */
export const APP_CONTEXT_KEYS = Object.keys(
  appSettingsSchema.shape,
) as (keyof typeof appSettingsSchema.shape)[];

/** Validates the raw context values; throws an InvalidInputError naming `context.<key>`. */
export function parseAppSettings(context: Record<string, unknown>): AppSettings {
  const result = appSettingsSchema.safeParse(context);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = ['context', ...(issue?.path ?? []).map(String)].join('.');
    throw new InvalidInputError(path, issue?.message ?? 'invalid value');
  }
  return result.data;
}
