import { z } from 'zod';
import type { Finding } from '../../../../rules/core/finding';
import type { RuleMetadata } from '../../../../rules/core/ruleMetadata';

/** A periodic AMI rule's metadata, as the Security Hub sink and the report read it. */
export const amiRuleMetadata: RuleMetadata<unknown> = {
  id: 'shared-ami-key-access',
  title: 'Shared encrypted AMIs can be launched by their consumers',
  description: 'Test rule.',
  severity: 'HIGH',
  scenarios: ['L1', 'L2'],
  trigger: { kind: 'periodic', maximumExecutionFrequency: 'TwentyFour_Hours' },
  evaluationResourceTypes: ['AWS::::Account'],
  parameters: [],
  parameterSchema: z.object({}),
  remediation: 'Grant the consumer accounts use of the key.',
};

/** A per-AMI verdict (a detail under the account evaluation). */
export function amiFinding(
  imageId: string,
  compliance: Finding['compliance'],
  accountId = '111111111111',
  region = 'eu-west-1',
): Finding {
  const failing = compliance === 'NON_COMPLIANT';
  return {
    ruleId: amiRuleMetadata.id,
    resourceType: 'AWS::EC2::Image',
    resourceId: imageId,
    resourceArn: `arn:aws:ec2:${region}::image/${imageId}`,
    accountId,
    region,
    compliance,
    scenarios: failing ? ['L1'] : [],
    reasons: failing
      ? [
          {
            code: 'KEY_POLICY_MISSING_CONSUMER',
            message: `The key policy omits consumer 222222222222 for ${imageId}.`,
            scenarios: ['L1'],
          },
        ]
      : [],
    ...(failing
      ? {
          consumer: '222222222222',
          missingActions: ['kms:Decrypt', 'kms:DescribeKey'],
          fix: {
            summary: 'Add 222222222222 to the "Allow use of the key" statement.',
            keyArn: `arn:aws:kms:${region}:${accountId}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
            keyPolicyStatements: [
              {
                Sid: 'Allow use of the key',
                Effect: 'Allow',
                Principal: { AWS: 'arn:aws:iam::222222222222:root' },
                Action: ['kms:Decrypt', 'kms:DescribeKey'],
                Resource: '*',
              },
            ],
          },
        }
      : {}),
  };
}

/** The account evaluation an AMI rule reports, with its per-AMI details. */
export function accountFinding(
  details: readonly Finding[],
  accountId = '111111111111',
  region = 'eu-west-1',
): Finding {
  const failing = details.some((d) => d.compliance === 'NON_COMPLIANT');
  return {
    ruleId: amiRuleMetadata.id,
    resourceType: 'AWS::::Account',
    resourceId: accountId,
    accountId,
    region,
    compliance: failing ? 'NON_COMPLIANT' : 'COMPLIANT',
    scenarios: failing ? ['L1'] : [],
    reasons: failing
      ? [{ code: 'AMIS_NOT_LAUNCHABLE', message: 'Some shared AMIs cannot be launched.' }]
      : [],
    details,
  };
}
