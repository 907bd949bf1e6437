import { INVENTORY_READ_ACTIONS } from '../rules/inventory/readPermissions';
import type { TemplateObject } from './conformancePack/toYaml';
import {
  CONFIG_EVALUATION_ACTIONS,
  CONFIG_RULE_READ_ACTIONS,
  SECURITY_HUB_IMPORT_ACTIONS,
  SECURITY_HUB_READ_ACTIONS,
} from './rulePermissions';

/** Parameters of the member-account template (filled by the StackSet). */
export const MEMBER_ROLE_PARAMETERS = {
  ruleFunctionRoleArn: 'RuleFunctionRoleArn',
  executionRoleName: 'ExecutionRoleName',
} as const;

/**
 * The CloudFormation template the StackSet deploys into every member account: one role, at path
 * `/` (the rule runtime builds its ARN from the name alone), trusted only by the rule functions'
 * role in the administrator account, allowed to read the facts, report evaluations and import
 * custom Security Hub findings in that account. Nothing else.
 */
export function memberRoleTemplate(): TemplateObject {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description:
      'ami-share-guard: the role the rule functions assume in this account (read-only facts, evaluations).',
    Parameters: {
      [MEMBER_ROLE_PARAMETERS.ruleFunctionRoleArn]: {
        Type: 'String',
        AllowedPattern: '^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$',
        Description: "ARN of the rule functions' role in the administrator account.",
      },
      [MEMBER_ROLE_PARAMETERS.executionRoleName]: {
        Type: 'String',
        AllowedPattern: '^[A-Za-z0-9+=,.@_-]{1,64}$',
        Description: 'Name of this role; the rules receive it as the ExecutionRoleName input parameter.',
      },
    },
    Resources: {
      ExecutionRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: { Ref: MEMBER_ROLE_PARAMETERS.executionRoleName },
          Path: '/',
          Description: 'Assumed by the ami-share-guard rule functions to evaluate this account.',
          MaxSessionDuration: 3600,
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { AWS: { Ref: MEMBER_ROLE_PARAMETERS.ruleFunctionRoleArn } },
                Action: 'sts:AssumeRole',
              },
            ],
          },
          Policies: [
            {
              PolicyName: 'ami-share-guard-evaluate',
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [
                  {
                    Sid: 'ReadInventoryFacts',
                    Effect: 'Allow',
                    Action: [...INVENTORY_READ_ACTIONS],
                    Resource: '*',
                  },
                  {
                    Sid: 'ReportEvaluations',
                    Effect: 'Allow',
                    Action: [...CONFIG_EVALUATION_ACTIONS],
                    Resource: '*',
                  },
                  {
                    Sid: 'ReadOwnRuleResults',
                    Effect: 'Allow',
                    Action: [...CONFIG_RULE_READ_ACTIONS],
                    Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:config:*:${AWS::AccountId}:config-rule/*' },
                  },
                  {
                    Sid: 'ImportCustomFindings',
                    Effect: 'Allow',
                    Action: [...SECURITY_HUB_IMPORT_ACTIONS],
                    // The account's own "default" product: custom findings about this account only.
                    Resource: {
                      'Fn::Sub':
                        'arn:${AWS::Partition}:securityhub:*:${AWS::AccountId}:product/${AWS::AccountId}/default',
                    },
                  },
                  {
                    Sid: 'ReadOwnFindings',
                    Effect: 'Allow',
                    // The import closes the rule's findings that are fixed: it reads them back first.
                    Action: [...SECURITY_HUB_READ_ACTIONS],
                    Resource: {
                      'Fn::Sub': 'arn:${AWS::Partition}:securityhub:*:${AWS::AccountId}:hub/default',
                    },
                  },
                ],
              },
            },
          ],
        },
      },
    },
    Outputs: {
      ExecutionRoleArn: { Value: { 'Fn::GetAtt': ['ExecutionRole', 'Arn'] } },
    },
  };
}
