import { describe, expect, it } from 'vitest';
import { parseRuleParameters } from '../../../../rules/core/ruleParameters';
import {
  evaluateDistributionKeyShareable,
  metadata,
} from '../../../../rules/imagebuilder-distribution-key-shareable';
import type { DistributionKeyShareableParams } from '../../../../rules/imagebuilder-distribution-key-shareable';
import {
  allowGrantsStatement,
  allowUseOfKeyStatement,
  rootDelegationStatement,
} from '../../../fixtures/inventory';
import type { IbScenario } from '../imagebuilder-pipeline-distribution-ready/ibScenario';
import {
  buildScenario,
  DC_ARN,
  DIST_KEY_ARN,
  periodicScope,
  SLR_ARN,
  SOURCE,
  TARGET,
  TARGET_KEY_ARN,
  sharedSourceKeyStatements,
} from '../imagebuilder-pipeline-distribution-ready/ibScenario';

const defaults: DistributionKeyShareableParams = parseRuleParameters(metadata, {});

function evaluate(s: IbScenario, params: DistributionKeyShareableParams = defaults) {
  const findings = evaluateDistributionKeyShareable(buildScenario(s), params, periodicScope);
  expect(findings).toHaveLength(1);
  const [finding] = findings;
  if (!finding) throw new Error('no finding');
  return finding;
}

interface Case {
  readonly name: string;
  readonly scenario: IbScenario;
  readonly code: string;
  readonly scenarioId: string;
}

const nonCompliant: readonly Case[] = [
  {
    name: 'D2: NON_COMPLIANT when the distribution key is the AWS managed key and there are target accounts',
    scenario: { distKey: 'aws-managed' },
    code: 'DISTRIBUTION_USES_AWS_MANAGED_KEY',
    scenarioId: 'D2',
  },
  {
    name: 'D2: NON_COMPLIANT when the distribution key is the alias ARN of alias/aws/ebs',
    scenario: { distKey: 'alias-aws-ebs' },
    code: 'DISTRIBUTION_USES_AWS_MANAGED_KEY',
    scenarioId: 'D2',
  },
  {
    name: 'D6: NON_COMPLIANT when a launch-permission distribution key has neither the root statement nor the Image Builder role',
    scenario: {
      launchPermission: true,
      targetAccountIds: [],
      sourceKeyStatements: [allowUseOfKeyStatement([TARGET]), allowGrantsStatement([TARGET])],
    },
    code: 'KEY_POLICY_MISSING_IMAGE_BUILDER_ROLE',
    scenarioId: 'D6',
  },
  {
    name: 'D12: NON_COMPLIANT when the source-owned distribution key does not grant target 222222222222',
    scenario: { sourceKeyStatements: [rootDelegationStatement(SOURCE)] },
    code: 'KEY_NOT_SHARED_WITH_ACCOUNT',
    scenarioId: 'D12',
  },
  {
    name: 'D12: NON_COMPLIANT when the target-owned distribution key does not grant source 111111111111',
    scenario: { distKey: 'target-owned', targetKeyStatements: [rootDelegationStatement(TARGET)] },
    code: 'KEY_NOT_SHARED_WITH_ACCOUNT',
    scenarioId: 'D12',
  },
  {
    name: 'G2: NON_COMPLIANT when the distribution key is pending deletion',
    scenario: { distKeyState: 'PendingDeletion' },
    code: 'KEY_NOT_USABLE',
    scenarioId: 'G2',
  },
];

describe('Rule: imagebuilder-distribution-key-shareable', () => {
  it.each(nonCompliant)('$name', ({ scenario, code, scenarioId }) => {
    const finding = evaluate(scenario);

    expect(finding.compliance).toBe('NON_COMPLIANT');
    expect(finding.resourceType).toBe('AWS::ImageBuilder::DistributionConfiguration');
    expect(finding.resourceId).toBe(DC_ARN);
    expect(finding.reasons[0]?.code).toBe(code);
    expect(finding.scenarios).toContain(scenarioId);
    expect(finding.reasons.every((r) => r.message.length <= 160)).toBe(true);
  });

  it.each<[string, IbScenario]>([
    ['D2 twin: COMPLIANT once the distribution uses a customer managed key shared with the target', {}],
    [
      'D6 twin: COMPLIANT once the key policy keeps the root kms:* delegation statement',
      { launchPermission: true, targetAccountIds: [] },
    ],
    [
      'D6 twin: COMPLIANT once the key policy names AWSServiceRoleForImageBuilder explicitly',
      {
        launchPermission: true,
        targetAccountIds: [],
        sourceKeyStatements: [
          {
            Sid: 'Allow Image Builder',
            Effect: 'Allow',
            Principal: { AWS: SLR_ARN },
            Action: [
              'kms:Decrypt',
              'kms:Encrypt',
              'kms:GenerateDataKeyWithoutPlaintext',
              'kms:DescribeKey',
              'kms:CreateGrant',
              'kms:ReEncryptFrom',
              'kms:ReEncryptTo',
            ],
            Resource: '*',
          },
        ],
      },
    ],
    ['D12 twin: COMPLIANT once the source key grants 222222222222 use and grants', {}],
    ['D12 twin: COMPLIANT once the target-owned key grants 111111111111', { distKey: 'target-owned' }],
    ['G2 twin: COMPLIANT while the distribution key is Enabled', { distKeyState: 'Enabled' }],
  ])('%s', (_name, scenario) => {
    const finding = evaluate(scenario);

    expect(finding.reasons.map((r) => r.message)).toEqual([expect.any(String)]);
    expect(finding.compliance).toBe('COMPLIANT');
    expect(finding.scenarios).toEqual([]);
  });

  it('D12: the fix is the article-shaped key policy statements for the target account, on the key', () => {
    const finding = evaluate({ sourceKeyStatements: [rootDelegationStatement(SOURCE)] });

    expect(finding.consumer).toBe(TARGET);
    expect(finding.fix?.keyArn).toBe(DIST_KEY_ARN);
    expect(finding.fix?.keyPolicyStatements).toEqual([
      expect.objectContaining({
        Sid: 'Allow use of the key',
        Principal: { AWS: `arn:aws:iam::${TARGET}:root` },
      }),
      expect.objectContaining({
        Sid: 'Allow attachment of persistent resources',
        Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
      }),
    ]);
    expect(finding.missingActions).toEqual(expect.arrayContaining(['kms:Decrypt', 'kms:CreateGrant']));
    expect(finding.details?.[0]).toMatchObject({ resourceType: 'AWS::KMS::Key', resourceId: DIST_KEY_ARN });
  });

  it('D6: the fix names AWSServiceRoleForImageBuilder in the key policy', () => {
    const finding = evaluate({
      launchPermission: true,
      targetAccountIds: [],
      sourceKeyStatements: [allowUseOfKeyStatement([TARGET])],
    });

    expect(finding.consumer).toBe(SLR_ARN);
    expect(finding.fix?.keyPolicyStatements?.[0]).toMatchObject({ Principal: { AWS: SLR_ARN } });
  });

  it('NON_COMPLIANT (FACT_UNREADABLE), never COMPLIANT, when the target-owned key was not read', () => {
    const finding = evaluate({ distKey: 'target-owned', targetUnread: true });

    expect(finding.compliance).toBe('NON_COMPLIANT');
    expect(finding.reasons[0]?.code).toBe('FACT_UNREADABLE');
    expect(finding.reasons[0]?.message).toContain('222222222222');
  });

  it('NON_COMPLIANT (FACT_UNREADABLE) when the distribution key policy could not be read', () => {
    const finding = evaluate({ distKeyPolicyUnreadable: true });

    expect(finding.compliance).toBe('NON_COMPLIANT');
    expect(finding.reasons.map((r) => r.code)).toEqual(['FACT_UNREADABLE']);
    expect(finding.scenarios).toEqual([]);
  });

  it('COMPLIANT with a note when the distribution names no key (the pipeline rule checks the image keys)', () => {
    const finding = evaluate({ distKey: 'none' });

    expect(finding.compliance).toBe('COMPLIANT');
    expect(finding.reasons[0]?.message).toContain('names no distribution key');
  });

  it('ignores target accounts listed in IgnoredTargetAccountIds', () => {
    const params = parseRuleParameters(metadata, { IgnoredTargetAccountIds: TARGET });

    const finding = evaluate({ sourceKeyStatements: [rootDelegationStatement(SOURCE)] }, params);

    expect(finding.compliance).toBe('COMPLIANT');
    expect(finding.reasons[0]?.code).toBe('NOT_SHARED');
  });

  it('does not judge keys matched by ExcludedKeys', () => {
    const params = parseRuleParameters(metadata, { ExcludedKeys: 'alias/golden-*' });

    const finding = evaluate({ sourceKeyStatements: [rootDelegationStatement(SOURCE)] }, params);

    expect(finding.compliance).toBe('COMPLIANT');
  });

  it('judges only the configuration item named in a change-triggered run, reported under its resource id', () => {
    const inv = buildScenario({ distKey: 'aws-managed' });

    const findings = evaluateDistributionKeyShareable(inv, defaults, {
      ...periodicScope,
      resource: {
        resourceType: 'AWS::ImageBuilder::DistributionConfiguration',
        resourceId: DC_ARN,
        arn: DC_ARN,
      },
    });
    const other = evaluateDistributionKeyShareable(inv, defaults, {
      ...periodicScope,
      resource: {
        resourceType: 'AWS::ImageBuilder::DistributionConfiguration',
        resourceId: `${DC_ARN}-other`,
      },
    });

    expect(findings.map((f) => [f.resourceId, f.compliance])).toEqual([[DC_ARN, 'NON_COMPLIANT']]);
    expect(other).toEqual([]);
  });

  it('reports the account NON_COMPLIANT (FACT_UNREADABLE) when Image Builder could not be read', () => {
    const inv = buildScenario({ source: (r) => r.unknown('imageBuilder') });

    const findings = evaluateDistributionKeyShareable(inv, defaults, periodicScope);

    expect(findings).toEqual([
      expect.objectContaining({
        resourceType: 'AWS::::Account',
        resourceId: SOURCE,
        compliance: 'NON_COMPLIANT',
        reasons: [expect.objectContaining({ code: 'FACT_UNREADABLE' })],
      }),
    ]);
  });

  it('rejects a malformed IgnoredTargetAccountIds naming the parameter', () => {
    expect(() => parseRuleParameters(metadata, { IgnoredTargetAccountIds: '12345' })).toThrow(
      /ruleParameters\.IgnoredTargetAccountIds/,
    );
  });

  it('has the id of its folder and a description Config accepts', () => {
    expect(metadata.id).toBe('imagebuilder-distribution-key-shareable');
    expect(metadata.description.length).toBeLessThanOrEqual(256);
    expect(sharedSourceKeyStatements()).toHaveLength(3);
    expect(TARGET_KEY_ARN).toContain(TARGET);
  });
});
