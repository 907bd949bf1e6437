import { z } from 'zod';
import { EXECUTION_ROLE_PARAMETER } from '../core/accountAccess';
import type { GlobPattern, TagFilter } from '../core/ruleParameters';
import { parseAccountIdList, parseBooleanString, parseGlobList, parseTag } from '../core/ruleParameters';
import type { RuleParameterSpec } from '../core/ruleMetadata';
import { InvalidInputError } from '../core/errors';

/**
 * Parameter helpers shared by the launch rules (shared-ami-*, kms-key-grants-image-consumers,
 * ami-consumer-role-kms-access). Config passes every parameter as a string and may pass "" for an
 * unset one: "" means "not set" here. Errors name the parameter (`ruleParameters.<Name>`).
 */
function optionalString<T>(
  parse: (value: string, path: string) => T,
): z.ZodType<T | undefined, string | undefined> {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return undefined;
      try {
        return parse(value, '');
      } catch (error) {
        const message = error instanceof InvalidInputError ? error.message.replace(/^: /, '') : String(error);
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
    });
}

export const launchParam = {
  tag: () => optionalString(parseTag),
  accountIds: () => optionalString(parseAccountIdList),
  globs: () => optionalString(parseGlobList),
  boolean: () => optionalString(parseBooleanString),
  /** The runtime reads `ExecutionRoleName` itself; the schema accepts it so that it is documented. */
  executionRoleName: () => z.string().optional(),
};

export type { GlobPattern, TagFilter };

/** True when `tags` carry the filter's key (and its value, when the filter has one). */
export function matchesTag(tags: Readonly<Record<string, string>>, filter: TagFilter | undefined): boolean {
  if (!filter) return false;
  const value = tags[filter.key];
  if (value === undefined) return false;
  return filter.value === undefined || filter.value === value;
}

export const EXECUTION_ROLE_NAME_SPEC: RuleParameterSpec = {
  name: EXECUTION_ROLE_PARAMETER,
  type: 'String',
  description:
    'Organization mode: the role (`Name` or `/path/Name`) the function assumes in each member account to read its facts and report its evaluations. Unset: single-account mode (other accounts are unreadable).',
  required: false,
};

export const PER_AMI_EVALUATIONS_SPEC: RuleParameterSpec = {
  name: 'PerAmiEvaluations',
  type: 'Boolean',
  description:
    'Report one evaluation per AMI (resource type AWS::EC2::Image) instead of one AWS::::Account evaluation per account and Region. Config may reject AWS::EC2::Image: test before enabling.',
  default: 'false',
  required: false,
};

export const EXCLUDE_AMI_TAG_SPEC: RuleParameterSpec = {
  name: 'ExcludeAmiTag',
  type: 'String',
  description: 'AMIs carrying this tag (`key=value`, or `key` for any value) are not evaluated.',
  required: false,
};

export const IGNORED_CONSUMER_ACCOUNTS_SPEC: RuleParameterSpec = {
  name: 'IgnoredConsumerAccounts',
  type: 'CSV',
  description: 'Consumer account ids not to judge (e.g. an account that only copies AMIs with its own key).',
  required: false,
};
