import { describe, expect, it } from 'vitest';
import { parseRuleParameters } from '../../../../rules/core/ruleParameters';
import { evaluateAmiConsumerRoleKmsAccess, metadata } from '../../../../rules/ami-consumer-role-kms-access';
import {
  allowGrantsStatement,
  allowUseOfKeyStatement,
  inventory,
  keyPolicy,
  rootDelegationStatement,
} from '../../../fixtures/inventory';

const OWNER = '111111111111';
const CONSUMER = '222222222222';
const KEY_ARN = `arn:aws:kms:eu-west-1:${OWNER}:key/1234abcd-12ab-34cd-56ef-00000000000a`;
const RUN_INSTANCES = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' }],
});

/** The consumer's launcher role (no KMS permission) and an AMI shared with it in eu-west-1 only. */
function consumerWithAmiSharedIn(region: string) {
  return inventory()
    .account(OWNER, (a) =>
      a.region(region, (r) =>
        r.key({
          keyId: '1234abcd-12ab-34cd-56ef-00000000000a',
          policy: keyPolicy(OWNER, [
            rootDelegationStatement(OWNER),
            allowUseOfKeyStatement([CONSUMER]),
            allowGrantsStatement([CONSUMER]),
          ]),
        }),
      ),
    )
    .account(CONSUMER, (a) => {
      a.role({ roleName: 'launcher', inlinePolicies: [{ policyName: 'run', document: RUN_INSTANCES }] });
      a.region('us-east-1');
      a.region(region, (r) =>
        r.sharedImage({
          imageId: 'ami-0000000000000000a',
          ownerId: OWNER,
          public: false,
          state: 'available',
          blockDeviceMappings: [
            { deviceName: '/dev/xvda', snapshotId: 'snap-0000000000000000a', encrypted: true },
          ],
          tags: {},
          snapshots: [
            {
              snapshotId: 'snap-0000000000000000a',
              snapshot: {
                status: 'known',
                value: {
                  snapshotId: 'snap-0000000000000000a',
                  ownerId: OWNER,
                  encrypted: true,
                  kmsKeyId: KEY_ARN,
                },
              },
            },
          ],
        }),
      );
    })
    .build();
}

describe('Rule: ami-consumer-role-kms-access, Regions of an inventory scan', () => {
  const params = parseRuleParameters(metadata, {});

  it('L3: NON_COMPLIANT for an AMI shared in another Region of the scan than the one the rule runs in', () => {
    const findings = evaluateAmiConsumerRoleKmsAccess(consumerWithAmiSharedIn('eu-west-1'), params, {
      accountId: CONSUMER,
      region: 'us-east-1',
      regions: ['us-east-1', 'eu-west-1'],
    });

    const launcher = findings.find(
      (f) => f.resourceId.includes('launcher') || f.resourceArn?.includes('launcher'),
    );
    expect(launcher?.compliance).toBe('NON_COMPLIANT');
    expect(launcher?.scenarios).toContain('L3');
  });

  it('judges only the Regions it is given (a Lambda run in us-east-1 without SharedAmiRegions sees no AMI)', () => {
    const findings = evaluateAmiConsumerRoleKmsAccess(consumerWithAmiSharedIn('eu-west-1'), params, {
      accountId: CONSUMER,
      region: 'us-east-1',
    });

    expect(findings.filter((f) => f.compliance === 'NON_COMPLIANT')).toEqual([]);
  });
});
