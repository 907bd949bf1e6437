import { describe, expect, it } from 'vitest';
import { parseRuleParameters } from '../../../../rules/core/ruleParameters';
import { evaluateEbsDefaultKeyShareable, metadata } from '../../../../rules/ebs-default-key-shareable';
import type { EbsDefaultKeyShareableParams } from '../../../../rules/ebs-default-key-shareable';
import type { Inventory } from '../../../../rules/inventory/model';
import { inventory } from '../../../fixtures/inventory';
import type { RegionBuilder } from '../../../fixtures/inventory';
import type { IbScenario } from '../imagebuilder-pipeline-distribution-ready/ibScenario';
import { buildScenario, periodicScope, SOURCE } from '../imagebuilder-pipeline-distribution-ready/ibScenario';

const defaults: EbsDefaultKeyShareableParams = parseRuleParameters(metadata, {});
const REGION = periodicScope.region;

function evaluate(inv: Inventory, params: EbsDefaultKeyShareableParams = defaults) {
  const findings = evaluateEbsDefaultKeyShareable(inv, params, periodicScope);
  expect(findings).toHaveLength(1);
  const [finding] = findings;
  if (!finding) throw new Error('no finding');
  expect(finding).toMatchObject({ resourceType: 'AWS::::Account', resourceId: SOURCE, region: REGION });
  return finding;
}

/** An account that shares one AMI, with EBS encryption by default configured by `ebs`. */
function sharingAccount(ebs: (r: RegionBuilder) => void, share = true): Inventory {
  return inventory()
    .account(SOURCE, (a) =>
      a.region(REGION, (r) => {
        r.key({ aliases: ['alias/ebs-default'] }).awsManagedEbsKey();
        r.image({ sharedWith: share ? ['222222222222'] : [] });
        ebs(r);
      }),
    )
    .build();
}

describe('Rule: ebs-default-key-shareable', () => {
  it('D5: NON_COMPLIANT when encryption by default uses alias/aws/ebs in an account that shares AMIs', () => {
    const finding = evaluate(sharingAccount((r) => r.ebsDefault({ enabled: true, key: 'alias/aws/ebs' })));

    expect(finding.compliance).toBe('NON_COMPLIANT');
    expect(finding.scenarios).toEqual(['D5']);
    expect(finding.reasons[0]?.code).toBe('DEFAULT_EBS_KEY_IS_AWS_MANAGED');
    expect(finding.fix?.steps).toContain(
      `aws ec2 modify-ebs-default-kms-key-id --kms-key-id <key ARN> --region ${REGION}`,
    );
  });

  it('D5 twin: COMPLIANT once the EBS default key is a customer managed key', () => {
    const finding = evaluate(
      sharingAccount((r) => r.ebsDefault({ enabled: true, key: 'alias/ebs-default' })),
    );

    expect(finding.compliance).toBe('COMPLIANT');
    expect(finding.reasons[0]?.code).toBe('DEFAULT_KEY_CUSTOMER_MANAGED');
  });

  it('D5: NON_COMPLIANT for an account that runs a cross-account pipeline (AWS managed default)', () => {
    const scenario: IbScenario = { ebsDefault: { enabled: true, key: 'aws-managed' } };

    const finding = evaluate(buildScenario(scenario));

    expect(finding.compliance).toBe('NON_COMPLIANT');
    expect(finding.reasons[0]?.message).toContain('pipeline golden');
  });

  it('D5 twin: COMPLIANT for the same pipeline account once the default is the customer managed key', () => {
    const finding = evaluate(buildScenario({ ebsDefault: { enabled: true, key: 'cmk' } }));

    expect(finding.compliance).toBe('COMPLIANT');
  });

  it('COMPLIANT when encryption by default is off (volumes do not fall back on the default key)', () => {
    const finding = evaluate(sharingAccount((r) => r.ebsDefault({ enabled: false, key: 'alias/aws/ebs' })));

    expect(finding.compliance).toBe('COMPLIANT');
    expect(finding.reasons[0]?.code).toBe('ENCRYPTION_BY_DEFAULT_OFF');
  });

  it('COMPLIANT by default for an account that shares nothing; NON_COMPLIANT with JudgeAllAccounts', () => {
    const inv = sharingAccount((r) => r.ebsDefault({ enabled: true, key: 'alias/aws/ebs' }), false);

    const byDefault = evaluate(inv);
    const all = evaluate(inv, parseRuleParameters(metadata, { JudgeAllAccounts: 'TRUE' }));

    expect(byDefault.compliance).toBe('COMPLIANT');
    expect(byDefault.reasons[0]?.code).toBe('NOT_SHARING');
    expect(all.compliance).toBe('NON_COMPLIANT');
  });

  it('G2: NON_COMPLIANT when the customer managed default key is disabled', () => {
    const inv = inventory()
      .account(SOURCE, (a) =>
        a.region(REGION, (r) =>
          r
            .key({ aliases: ['alias/off'], keyState: 'Disabled' })
            .image({ public: true })
            .ebsDefault({ enabled: true, key: 'alias/off' }),
        ),
      )
      .build();

    const finding = evaluate(inv);

    expect(finding.scenarios).toEqual(['G2']);
    expect(finding.reasons[0]?.code).toBe('KEY_NOT_USABLE');
  });

  it.each<[string, (r: RegionBuilder) => void]>([
    ['the EBS encryption settings', (r) => r.unknown('ebsEncryption')],
    [
      'the AMIs (whether the account shares)',
      (r) => r.ebsDefault({ enabled: true, key: 'alias/aws/ebs' }).unknown('images'),
    ],
  ])('NON_COMPLIANT (FACT_UNREADABLE), never COMPLIANT, when %s could not be read', (_what, configure) => {
    const inv = inventory()
      .account(SOURCE, (a) => a.region(REGION, (r) => configure(r.awsManagedEbsKey())))
      .build();

    const finding = evaluate(inv);

    expect(finding.compliance).toBe('NON_COMPLIANT');
    expect(finding.reasons.map((r) => r.code)).toEqual(['FACT_UNREADABLE']);
  });

  it('rejects a JudgeAllAccounts that is not true or false, naming the parameter', () => {
    expect(() => parseRuleParameters(metadata, { JudgeAllAccounts: 'yes' })).toThrow(
      /ruleParameters\.JudgeAllAccounts/,
    );
  });

  it('has the id of its folder and a description Config accepts', () => {
    expect(metadata.id).toBe('ebs-default-key-shareable');
    expect(metadata.description.length).toBeLessThanOrEqual(256);
  });
});
