import { Aws } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { RegisteredRule } from '../../rules/index';
import type { RuleParameterOverrides } from '../ruleInputParameters';

/** The rule-runtime parameter that turns the import on (rules/core reads it). */
export const SECURITY_HUB_IMPORT_PARAMETER = 'SecurityHubImport';

/**
 * What the Security Hub import needs in the account that owns the findings (the member role in
 * organization mode, the rule functions' role in single-account mode): import the account's own
 * custom findings (the `default` product) and read back the rule's open findings to close them.
 * Scoped to one Region (the rules' own, by default).
 */
export function securityHubImportStatements(region: string = Aws.REGION): PolicyStatement[] {
  return [
    new PolicyStatement({
      sid: 'ImportOwnFindings',
      effect: Effect.ALLOW,
      actions: ['securityhub:BatchImportFindings'],
      resources: [
        `arn:${Aws.PARTITION}:securityhub:${region}:${Aws.ACCOUNT_ID}:product/${Aws.ACCOUNT_ID}/default`,
      ],
    }),
    new PolicyStatement({
      sid: 'ReadOwnFindings',
      effect: Effect.ALLOW,
      actions: ['securityhub:GetFindings'],
      resources: [`arn:${Aws.PARTITION}:securityhub:${region}:${Aws.ACCOUNT_ID}:hub/default`],
    }),
  ];
}

/** The rule parameter overrides with `SecurityHubImport: "true"` added for every rule. */
export function withSecurityHubImport(
  rules: readonly RegisteredRule[],
  overrides: RuleParameterOverrides = {},
): RuleParameterOverrides {
  const out: Record<string, Readonly<Record<string, string>>> = { ...overrides };
  for (const { metadata } of rules) {
    out[metadata.id] = { ...overrides[metadata.id], [SECURITY_HUB_IMPORT_PARAMETER]: 'true' };
  }
  return out;
}
