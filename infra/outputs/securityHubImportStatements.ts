import { Aws } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';

/**
 * What the Security Hub import needs in the account that owns the findings (the member role in
 * organization mode, the rule functions' role in single-account mode): import the account's own
 * custom findings (the `default` product) and read back the rule's open findings to close them.
 */
export function securityHubImportStatements(): PolicyStatement[] {
  return [
    new PolicyStatement({
      sid: 'ImportOwnFindings',
      effect: Effect.ALLOW,
      actions: ['securityhub:BatchImportFindings'],
      resources: [`arn:${Aws.PARTITION}:securityhub:*:${Aws.ACCOUNT_ID}:product/${Aws.ACCOUNT_ID}/default`],
    }),
    new PolicyStatement({
      sid: 'ReadOwnFindings',
      effect: Effect.ALLOW,
      actions: ['securityhub:GetFindings'],
      resources: [`arn:${Aws.PARTITION}:securityhub:*:${Aws.ACCOUNT_ID}:hub/default`],
    }),
  ];
}
