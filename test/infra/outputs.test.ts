import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureRules } from './fixtures';
import { resourcesOfType, synthAccount, synthOrganization, type Synthesized } from './support/synthStacks';
import type { AmiShareGuardAccountStack } from '../../infra/AmiShareGuardAccountStack';
import type { AmiShareGuardOrganizationStack } from '../../infra/AmiShareGuardOrganizationStack';
import { parseAppSettings } from '../../infra/appSettings';
import { memberRoleTemplate } from '../../infra/memberRoleTemplate';
import { ruleInputParameters } from '../../infra/ruleInputParameters';

type Json = Record<string, unknown>;

function statements(json: Json): Json[] {
  return Object.values(resourcesOfType(json, 'AWS::IAM::Policy')).flatMap(
    (p) => (p.Properties?.PolicyDocument as { Statement: Json[] }).Statement,
  );
}

describe('Outputs in the organization stack', () => {
  let org: Synthesized<AmiShareGuardOrganizationStack>;
  let withImport: Synthesized<AmiShareGuardOrganizationStack>;
  beforeAll(() => {
    org = synthOrganization({
      organizationId: 'o-abcdefghij',
      targetOrganizationalUnitIds: ['r-ab12'],
      reportTopicArn: 'arn:aws:sns:eu-west-1:111122223333:asg-reports',
    });
    withImport = synthOrganization({ securityHubImport: true, report: false });
  });

  it('mounts the scheduled report on the organization aggregator, in the Outputs slot', () => {
    expect(org.stack.report?.node.path).toBe('Organization/Outputs/Report');
    const read = statements(org.json).find((s) => s.Sid === 'ReadAggregateCompliance');
    expect(read?.Resource).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^Aggregator/), 'ConfigurationAggregatorArn'],
    });
    expect(statements(org.json).find((s) => s.Sid === 'NotifyReport')?.Resource).toBe(
      'arn:aws:sns:eu-west-1:111122223333:asg-reports',
    );
    expect(Object.keys(resourcesOfType(org.json, 'AWS::Scheduler::Schedule'))).toHaveLength(1);
  });

  it('deploys no report when asked not to, or without the aggregator', () => {
    expect(withImport.stack.report).toBeUndefined();
    expect(resourcesOfType(withImport.json, 'AWS::Scheduler::Schedule')).toEqual({});
    expect(synthOrganization({ aggregator: false }).stack.report).toBeUndefined();
  });

  it('passes SecurityHubImport=true to every organization rule when the import is on, and not otherwise', () => {
    const inputsOf = (json: Json) =>
      Object.values(resourcesOfType(json, 'AWS::Config::OrganizationConfigRule')).map(
        (r) =>
          JSON.parse(
            (r.Properties?.OrganizationCustomRuleMetadata as { InputParameters: string }).InputParameters,
          ) as Json,
      );
    expect(inputsOf(withImport.json).map((i) => i.SecurityHubImport)).toEqual(fixtureRules.map(() => 'true'));
    expect(inputsOf(org.json).map((i) => i.SecurityHubImport)).toEqual(fixtureRules.map(() => undefined));
  });

  it('lets the member role read back its own findings (GetFindings on its hub) beside importing them', () => {
    const role = (memberRoleTemplate() as { Resources: { ExecutionRole: { Properties: Json } } }).Resources
      .ExecutionRole.Properties;
    const docs = (role.Policies as { PolicyDocument: { Statement: Json[] } }[]).flatMap(
      (p) => p.PolicyDocument.Statement,
    );
    expect(docs.find((s) => s.Sid === 'ReadOwnFindings')).toMatchObject({
      Action: ['securityhub:GetFindings'],
      Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:securityhub:*:${AWS::AccountId}:hub/default' },
    });
  });
});

describe('Security Hub import in single-account mode', () => {
  let on: Synthesized<AmiShareGuardAccountStack>;
  let off: Synthesized<AmiShareGuardAccountStack>;
  beforeAll(() => {
    on = synthAccount(fixtureRules, { securityHubImport: true });
    off = synthAccount();
  });

  it("gives the functions' role import and read-back on this account's Security Hub, in this Region only", () => {
    const sids = statements(on.json).map((s) => s.Sid);
    expect(sids).toEqual(expect.arrayContaining(['ImportOwnFindings', 'ReadOwnFindings']));
    const importStatement = statements(on.json).find((s) => s.Sid === 'ImportOwnFindings');
    expect(JSON.stringify(importStatement?.Resource)).toContain(':product/');
    expect(JSON.stringify(importStatement?.Resource)).not.toContain('securityhub:*');
    expect(statements(off.json).map((s) => s.Sid)).not.toContain('ImportOwnFindings');
  });

  it('passes SecurityHubImport=true to every Config rule', () => {
    const inputs = Object.values(resourcesOfType(on.json, 'AWS::Config::ConfigRule')).map(
      (r) => r.Properties?.InputParameters as Json,
    );
    expect(inputs.map((i) => i.SecurityHubImport)).toEqual(fixtureRules.map(() => 'true'));
  });

  it('refuses a SecurityHubImport override other than true/false, naming it', () => {
    const metadata = fixtureRules[0]!.metadata;
    expect(() => ruleInputParameters(metadata, { [metadata.id]: { SecurityHubImport: 'yes' } })).toThrow(
      `ruleParameters.${metadata.id}.SecurityHubImport: expected "true" or "false", got "yes"`,
    );
  });
});

describe('Outputs context', () => {
  it('reads securityHubImport, report and reportTopicArn from -c flags', () => {
    expect(
      parseAppSettings({
        mode: 'organization',
        securityHubImport: 'true',
        report: 'false',
        reportTopicArn: 'arn:aws:sns:eu-west-1:111122223333:asg-reports',
      }),
    ).toMatchObject({
      securityHubImport: true,
      report: false,
      reportTopicArn: 'arn:aws:sns:eu-west-1:111122223333:asg-reports',
    });
  });

  it('refuses a report topic that is not an SNS topic ARN, naming the context key', () => {
    expect(() => parseAppSettings({ reportTopicArn: 'asg-reports' })).toThrow(
      'context.reportTopicArn: must be an SNS topic ARN',
    );
  });
});
