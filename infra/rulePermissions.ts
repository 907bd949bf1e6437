import { Aws } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { INVENTORY_READ_ACTIONS } from '../rules/inventory/readPermissions';

/**
 * The Config calls the rule runtime makes in the evaluated account.
 * `PutEvaluations` and `GetResourceConfigHistory` define no resource type in the Service
 * Authorization Reference, so they need `Resource: "*"`; `PutEvaluations` is further bound at
 * run time by the `ResultToken`, which only the invoking rule's event carries.
 */
export const CONFIG_EVALUATION_ACTIONS = [
  'config:PutEvaluations',
  'config:GetResourceConfigHistory',
] as const;

/** Stale-evaluation cleanup reads the rule's own results; scoped to config-rule ARNs. */
export const CONFIG_RULE_READ_ACTIONS = ['config:GetComplianceDetailsByConfigRule'] as const;

/** The Security Hub import (issue "outputs") runs with the member role: custom findings only. */
export const SECURITY_HUB_IMPORT_ACTIONS = ['securityhub:BatchImportFindings'] as const;

/** ... and reads back the rule's open findings to close the fixed ones (outputs/securityhub). */
export const SECURITY_HUB_READ_ACTIONS = ['securityhub:GetFindings'] as const;

/** The read-only facts the rules need (owned by the inventory layer). */
export function inventoryReadStatement(): PolicyStatement {
  return new PolicyStatement({
    sid: 'ReadInventoryFacts',
    effect: Effect.ALLOW,
    actions: [...INVENTORY_READ_ACTIONS],
    resources: ['*'],
  });
}

/** PutEvaluations, GetResourceConfigHistory, GetComplianceDetailsByConfigRule in the account. */
export function configEvaluationStatements(): PolicyStatement[] {
  return [
    new PolicyStatement({
      sid: 'ReportEvaluations',
      effect: Effect.ALLOW,
      actions: [...CONFIG_EVALUATION_ACTIONS],
      resources: ['*'],
    }),
    new PolicyStatement({
      sid: 'ReadOwnRuleResults',
      effect: Effect.ALLOW,
      actions: [...CONFIG_RULE_READ_ACTIONS],
      resources: [`arn:${Aws.PARTITION}:config:*:${Aws.ACCOUNT_ID}:config-rule/*`],
    }),
  ];
}
