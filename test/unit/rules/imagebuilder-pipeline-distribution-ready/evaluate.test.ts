import { describe, expect, it } from 'vitest';
import { parseRuleParameters } from '../../../../rules/core/ruleParameters';
import {
  evaluatePipelineDistributionReady,
  metadata,
} from '../../../../rules/imagebuilder-pipeline-distribution-ready';
import type { PipelineDistributionReadyParams } from '../../../../rules/imagebuilder-pipeline-distribution-ready';
import {
  allowGrantsStatement,
  allowUseOfKeyStatement,
  rootDelegationStatement,
} from '../../../fixtures/inventory';
import type { IbScenario } from './ibScenario';
import {
  buildScenario,
  PIPELINE_ARN,
  periodicScope,
  SLR_ARN,
  SOURCE,
  SOURCE_KEY_ARN,
  TARGET,
} from './ibScenario';

const defaults: PipelineDistributionReadyParams = parseRuleParameters(metadata, {});
const ROLE_ARN = `arn:aws:iam::${TARGET}:role/EC2ImageBuilderDistributionCrossAccountRole`;

function evaluate(s: IbScenario, params: PipelineDistributionReadyParams = defaults) {
  const findings = evaluatePipelineDistributionReady(buildScenario(s), params, periodicScope);
  expect(findings).toHaveLength(1);
  const [finding] = findings;
  if (!finding) throw new Error('no finding');
  return finding;
}

interface Case {
  readonly id: string;
  readonly broken: IbScenario;
  readonly code: string;
  readonly fixed: IbScenario;
  readonly twin: string;
}

/** Each D scenario: the setup broken in one place (NON_COMPLIANT) and fixed as the article says (COMPLIANT). */
const cases: readonly Case[] = [
  {
    id: 'D1',
    broken: { recipeKey: 'aws-managed' },
    code: 'RECIPE_USES_AWS_MANAGED_KEY',
    fixed: { recipeKey: 'cmk' },
    twin: 'the recipe storage names the customer managed key',
  },
  {
    id: 'D2',
    broken: { distKey: 'aws-managed' },
    code: 'DISTRIBUTION_USES_AWS_MANAGED_KEY',
    fixed: { distKey: 'cmk' },
    twin: 'the distribution uses a customer managed key',
  },
  {
    id: 'D3',
    broken: { recipeKey: 'none', parentSnapshots: ['aws-managed'] },
    code: 'PARENT_IMAGE_USES_AWS_MANAGED_KEY',
    fixed: { recipeKey: 'none', parentSnapshots: ['cmk'] },
    twin: 'the parent AMI is copied under the customer managed key',
  },
  {
    id: 'D4',
    broken: { recipeKey: 'none', parentSnapshots: ['cmk', 'aws-managed'] },
    code: 'PARENT_IMAGE_USES_AWS_MANAGED_KEY',
    fixed: { recipeKey: 'none', parentSnapshots: ['cmk', 'cmk'] },
    twin: 'every parent snapshot uses the customer managed key',
  },
  {
    id: 'D5',
    broken: {
      recipeKey: 'none',
      parentSnapshots: ['unencrypted'],
      ebsDefault: { enabled: true, key: 'aws-managed' },
    },
    code: 'DEFAULT_EBS_KEY_IS_AWS_MANAGED',
    fixed: { recipeKey: 'none', parentSnapshots: ['unencrypted'], ebsDefault: { enabled: true, key: 'cmk' } },
    twin: 'the EBS default key is the customer managed key',
  },
  {
    id: 'D6',
    broken: {
      launchPermission: true,
      targetAccountIds: [],
      sourceKeyStatements: [allowUseOfKeyStatement(['333333333333']), allowGrantsStatement(['333333333333'])],
    },
    code: 'KEY_POLICY_MISSING_IMAGE_BUILDER_ROLE',
    fixed: { launchPermission: true, targetAccountIds: [] },
    twin: 'the key policy keeps the root kms:* delegation statement',
  },
  {
    id: 'D7',
    broken: { role: { exists: false } },
    code: 'CROSS_ACCOUNT_ROLE_MISSING',
    fixed: {},
    twin: 'EC2ImageBuilderDistributionCrossAccountRole exists in 222222222222',
  },
  {
    id: 'D8',
    broken: { role: { managedPolicy: false } },
    code: 'CROSS_ACCOUNT_ROLE_MISSING_MANAGED_POLICY',
    fixed: { role: { managedPolicy: true } },
    twin: 'Ec2ImageBuilderCrossAccountDistributionAccess is attached',
  },
  {
    id: 'D9',
    broken: { role: { trustedAccountIds: ['999999999999'] } },
    code: 'CROSS_ACCOUNT_ROLE_DOES_NOT_TRUST_SOURCE',
    fixed: { role: { trustedAccountIds: [SOURCE] } },
    twin: 'the role trusts 111111111111',
  },
  {
    id: 'D10',
    broken: { targetRegionOptIn: 'DISABLED' },
    code: 'TARGET_REGION_NOT_ENABLED',
    fixed: { targetRegionOptIn: 'ENABLED' },
    twin: 'the opt-in Region is ENABLED in 222222222222',
  },
  {
    id: 'D11',
    broken: { role: { kmsInlinePolicy: false } },
    code: 'CROSS_ACCOUNT_ROLE_MISSING_KMS_PERMISSIONS',
    fixed: { role: { kmsInlinePolicy: true } },
    twin: 'the role has the KMS inline policy',
  },
  {
    id: 'D12',
    broken: { sourceKeyStatements: [rootDelegationStatement(SOURCE)] },
    code: 'KEY_NOT_SHARED_WITH_ACCOUNT',
    fixed: {},
    twin: 'the source keys grant 222222222222',
  },
];

describe('Rule: imagebuilder-pipeline-distribution-ready', () => {
  it.each(cases)(
    '$id: NON_COMPLIANT when the pipeline setup has the $id fault ($code)',
    ({ id, broken, code }) => {
      const finding = evaluate(broken);

      expect(finding.compliance).toBe('NON_COMPLIANT');
      expect(finding.resourceType).toBe('AWS::ImageBuilder::ImagePipeline');
      expect(finding.resourceId).toBe(PIPELINE_ARN);
      expect(finding.scenarios).toContain(id);
      expect(finding.reasons.map((r) => r.code)).toContain(code);
      expect(finding.details?.find((d) => d.reasons[0]?.code === code)?.fix?.summary).toEqual(
        expect.any(String),
      );
      expect(finding.reasons.every((r) => r.message.length <= 160)).toBe(true);
    },
  );

  it.each(cases)('$id twin: COMPLIANT once $twin', ({ fixed }) => {
    const finding = evaluate(fixed);

    expect(finding.reasons.map((r) => r.code)).toEqual(['PIPELINE_DISTRIBUTION_READY']);
    expect(finding.compliance).toBe('COMPLIANT');
  });

  it('D7: the fix creates the role with the trust policy, the managed policy and the KMS inline policy', () => {
    const finding = evaluate({ role: { exists: false } });

    expect(finding.consumer).toBe(ROLE_ARN);
    expect(finding.fix).toMatchObject({
      roleArn: ROLE_ARN,
      trustPolicy: {
        Statement: [
          { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${SOURCE}:root` }, Action: 'sts:AssumeRole' },
        ],
      },
      managedPolicyArns: ['arn:aws:iam::aws:policy/Ec2ImageBuilderCrossAccountDistributionAccess'],
      identityPolicy: {
        Statement: [expect.objectContaining({ Resource: expect.arrayContaining([SOURCE_KEY_ARN]) })],
      },
    });
  });

  it('D11: names the missing KMS actions and the keys, with the inline policy as the fix', () => {
    const finding = evaluate({ role: { kmsInlinePolicy: false } });

    const d11 = finding.details?.find((d) => d.scenarios.includes('D11'));
    expect(d11?.missingActions).toEqual(expect.arrayContaining(['kms:Decrypt', 'kms:CreateGrant']));
    expect(d11?.fix?.identityPolicy).toMatchObject({
      Statement: [expect.objectContaining({ Effect: 'Allow' })],
    });
    expect(d11?.accountId).toBe(TARGET);
  });

  it('D9: the fix is a trust policy naming the source account', () => {
    const finding = evaluate({ role: { trustedAccountIds: ['999999999999'] } });

    expect(finding.fix?.trustPolicy).toMatchObject({
      Statement: [{ Principal: { AWS: `arn:aws:iam::${SOURCE}:root` } }],
    });
  });

  it('D6: the image key, not only the distribution key, must admit AWSServiceRoleForImageBuilder', () => {
    const finding = evaluate({
      launchPermission: true,
      targetAccountIds: [],
      distKey: 'none',
      sourceKeyStatements: [allowUseOfKeyStatement(['333333333333'])],
    });

    expect(finding.scenarios).toEqual(['D6']);
    expect(finding.consumer).toBe(SLR_ARN);
  });

  it('NON_COMPLIANT (FACT_UNREADABLE), never COMPLIANT, when the target account could not be read', () => {
    const finding = evaluate({ targetUnread: true });

    expect(finding.compliance).toBe('NON_COMPLIANT');
    expect(finding.reasons.map((r) => r.code)).toEqual(['FACT_UNREADABLE']);
    expect(finding.reasons[0]?.message).toContain('ExecutionRoleName');
  });

  it('NON_COMPLIANT (FACT_UNREADABLE) when the target account roles could not be read', () => {
    const finding = evaluate({ targetRolesUnknown: true });

    expect(finding.compliance).toBe('NON_COMPLIANT');
    expect(finding.reasons.map((r) => r.code)).toEqual(['FACT_UNREADABLE']);
  });

  it('reports several faults of one pipeline together, scenario faults before unreadable facts', () => {
    const finding = evaluate({
      role: { managedPolicy: false, trustedAccountIds: ['999999999999'] },
      targetRegionOptIn: 'DISABLED',
    });

    expect(finding.scenarios).toEqual(expect.arrayContaining(['D8', 'D9', 'D10']));
  });

  it('NOT_APPLICABLE for a pipeline that distributes to no other account', () => {
    const finding = evaluate({ targetAccountIds: [], recipeKey: 'aws-managed' });

    expect(finding.compliance).toBe('NOT_APPLICABLE');
  });

  it('ignores target accounts in IgnoredTargetAccountIds', () => {
    const finding = evaluate(
      { role: { exists: false } },
      parseRuleParameters(metadata, { IgnoredTargetAccountIds: TARGET }),
    );

    expect(finding.compliance).toBe('NOT_APPLICABLE');
  });

  it('has the id of its folder and a description Config accepts', () => {
    expect(metadata.id).toBe('imagebuilder-pipeline-distribution-ready');
    expect(metadata.description.length).toBeLessThanOrEqual(256);
  });
});
