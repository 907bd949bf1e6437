import { z } from 'zod';
import type { RuleParameterSpec } from '../core/ruleMetadata';
import type { GlobPattern } from '../core/ruleParameters';
import { param } from '../core/ruleParameters';
import type { SharingOptions } from './checkDistribution';

/** Parameters every Image Builder rule of the pack takes (Config passes them as strings). */
export interface SharedImageBuilderParams {
  /** Organization mode: the role assumed in each account (the runtime reads it). */
  readonly ExecutionRoleName?: string;
  readonly IgnoredTargetAccountIds: readonly string[];
  readonly ExcludedKeys: readonly GlobPattern[];
}

export const sharedParameterSpecs: readonly RuleParameterSpec[] = [
  {
    name: 'ExecutionRoleName',
    type: 'String',
    description:
      'Organization mode: the role (name or /path/name) the rule assumes in each account, including target accounts, to read their facts. Absent: only the evaluated account is read.',
    required: false,
  },
  {
    name: 'IgnoredTargetAccountIds',
    type: 'CSV',
    description: 'Target or launch-permission accounts not to judge (comma-separated 12-digit ids).',
    default: '',
    required: false,
  },
  {
    name: 'ExcludedKeys',
    type: 'CSV',
    description:
      'KMS keys not to judge: comma-separated globs matched against the key ARN, key id, alias names and the configured reference (e.g. alias/legacy-*).',
    default: '',
    required: false,
  },
];

export const sharedParameterShape = {
  ExecutionRoleName: z.string().optional(),
  IgnoredTargetAccountIds: param.accountIds().default([]),
  ExcludedKeys: param.globs().default([]),
};

/** The checks' options from the parameters. */
export function sharingOptionsOf(params: SharedImageBuilderParams): SharingOptions {
  return { ignoredTargetAccountIds: params.IgnoredTargetAccountIds, excludedKeys: params.ExcludedKeys };
}
