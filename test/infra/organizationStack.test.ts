import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { changeFixture, fixtureRules, hybridFixture, periodicFixture } from './fixtures';
import { resourcesOfType, synthOrganization, type Synthesized } from './support/synthStacks';
import type { AmiShareGuardOrganizationStack } from '../../infra/AmiShareGuardOrganizationStack';
import { conformancePackYaml } from '../../infra/conformancePack/conformancePackTemplate';
import { memberRoleTemplate } from '../../infra/memberRoleTemplate';
import { INVENTORY_READ_ACTIONS } from '../../rules/inventory/readPermissions';

const ORG = 'o-abcdefghij';
const ROOT = 'r-ab12';

type Json = Record<string, unknown>;

describe('Organization stack, deployed as organization Config rules', () => {
  let synthesized: Synthesized<AmiShareGuardOrganizationStack>;
  beforeAll(() => {
    synthesized = synthOrganization({
      organizationId: ORG,
      targetOrganizationalUnitIds: [ROOT],
      excludedAccounts: ['999999999999'],
    });
  });

  it.each([
    {
      rule: periodicFixture,
      triggers: ['ScheduledNotification'],
      frequency: 'TwentyFour_Hours',
      scope: undefined,
    },
    {
      rule: changeFixture,
      triggers: ['ConfigurationItemChangeNotification', 'OversizedConfigurationItemChangeNotification'],
      frequency: undefined,
      scope: ['AWS::KMS::Key'],
    },
    {
      rule: hybridFixture,
      triggers: [
        'ConfigurationItemChangeNotification',
        'OversizedConfigurationItemChangeNotification',
        'ScheduledNotification',
      ],
      frequency: 'Six_Hours',
      scope: ['AWS::ImageBuilder::DistributionConfiguration', 'AWS::ImageBuilder::ImagePipeline'],
    },
  ])(
    'creates the organization rule $rule.metadata.id with its triggers and scope',
    ({ rule, triggers, frequency, scope }) => {
      const orgRule = Object.values(
        resourcesOfType(synthesized.json, 'AWS::Config::OrganizationConfigRule'),
      ).find((r) => r.Properties?.OrganizationConfigRuleName === rule.metadata.id);
      const meta = orgRule?.Properties?.OrganizationCustomRuleMetadata as Json;
      expect(meta.OrganizationConfigRuleTriggerTypes).toEqual(triggers);
      expect(meta.MaximumExecutionFrequency).toBe(frequency);
      expect(meta.ResourceTypesScope).toEqual(scope);
      expect(orgRule?.Properties?.ExcludedAccounts).toEqual(['999999999999']);
    },
  );

  it('passes ExecutionRoleName with the defaults in every rule, within 2048 characters', () => {
    for (const orgRule of Object.values(
      resourcesOfType(synthesized.json, 'AWS::Config::OrganizationConfigRule'),
    )) {
      const meta = orgRule.Properties?.OrganizationCustomRuleMetadata as Json;
      const inputs = JSON.parse(meta.InputParameters as string) as Json;
      expect(inputs.ExecutionRoleName).toBe('AmiShareGuardExecutionRole');
      expect((meta.InputParameters as string).length).toBeLessThanOrEqual(2048);
    }
  });

  it('fails closed without invokerAccounts: only this account may invoke, and synth warns', () => {
    const permissions = Object.values(resourcesOfType(synthesized.json, 'AWS::Lambda::Permission'));
    expect(permissions).toHaveLength(fixtureRules.length);
    for (const permission of permissions) {
      expect(permission.Properties).toMatchObject({
        Principal: 'config.amazonaws.com',
        SourceAccount: '111122223333',
      });
    }
    const warnings = Annotations.fromStack(synthesized.stack).findWarning(
      '*',
      Match.stringLikeRegexp('invokerAccounts'),
    );
    expect(warnings).toHaveLength(1);
  });

  it('lets any account invoke only when allowConfigInvokeFromAnyAccount is set', () => {
    const open = synthOrganization({ allowConfigInvokeFromAnyAccount: true }, [hybridFixture]);
    const permissions = Object.values(resourcesOfType(open.json, 'AWS::Lambda::Permission'));
    expect(permissions).toHaveLength(1);
    expect(permissions[0]?.Properties?.Principal).toBe('config.amazonaws.com');
    expect(permissions[0]?.Properties?.SourceAccount).toBeUndefined();
    expect(
      Annotations.fromStack(open.stack).findWarning('*', Match.stringLikeRegexp('invokerAccounts')),
    ).toHaveLength(0);
  });

  it('creates the rules after the invoke permissions and the member role StackSet', () => {
    const permissionIds = Object.keys(resourcesOfType(synthesized.json, 'AWS::Lambda::Permission'));
    const stackSetIds = Object.keys(resourcesOfType(synthesized.json, 'AWS::CloudFormation::StackSet'));
    for (const orgRule of Object.values(
      resourcesOfType(synthesized.json, 'AWS::Config::OrganizationConfigRule'),
    )) {
      expect(orgRule.DependsOn).toEqual(expect.arrayContaining([...permissionIds, ...stackSetIds]));
    }
  });

  it('lets the functions assume the member role only inside the organization', () => {
    synthesized.template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Resource: {
              'Fn::Join': [
                '',
                ['arn:', { Ref: 'AWS::Partition' }, ':iam::*:role/AmiShareGuardExecutionRole'],
              ],
            },
            Condition: { StringEquals: { 'aws:ResourceOrgID': ORG } },
          }),
        ]),
      },
    });
  });

  it('lets the functions read the organization structure (OU paths), read-only', () => {
    synthesized.template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'ReadOrganizationStructure',
            Action: [
              'organizations:DescribeOrganization',
              'organizations:ListAccountsForParent',
              'organizations:ListOrganizationalUnitsForParent',
              'organizations:ListRoots',
            ],
            Effect: 'Allow',
          }),
        ]),
      },
    });
  });

  it('deploys the member role by a service-managed, auto-deploying StackSet to the given root, in one region', () => {
    const stackSet = Object.values(resourcesOfType(synthesized.json, 'AWS::CloudFormation::StackSet'))[0];
    expect(stackSet?.Properties).toMatchObject({
      PermissionModel: 'SERVICE_MANAGED',
      CallAs: 'DELEGATED_ADMIN',
      AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: false },
      Capabilities: ['CAPABILITY_NAMED_IAM'],
      StackInstancesGroup: [{ DeploymentTargets: { OrganizationalUnitIds: [ROOT] }, Regions: ['eu-west-1'] }],
    });
    expect(JSON.parse(stackSet?.Properties?.TemplateBody as string)).toEqual(memberRoleTemplate());
  });

  it("trusts only the rule functions' role in the member role", () => {
    const stackSet = Object.values(resourcesOfType(synthesized.json, 'AWS::CloudFormation::StackSet'))[0];
    const params = stackSet?.Properties?.Parameters as { ParameterKey: string; ParameterValue: unknown }[];
    const roleIds = Object.keys(resourcesOfType(synthesized.json, 'AWS::IAM::Role')).filter((id) =>
      id.startsWith('RuleFunctionsRole'),
    );
    expect(params).toContainEqual({
      ParameterKey: 'RuleFunctionRoleArn',
      ParameterValue: { 'Fn::GetAtt': [roleIds[0], 'Arn'] },
    });
    const trust = (memberRoleTemplate().Resources as Json).ExecutionRole as Json;
    const statements = ((trust.Properties as Json).AssumeRolePolicyDocument as Json).Statement as Json[];
    expect(statements).toEqual([
      { Effect: 'Allow', Principal: { AWS: { Ref: 'RuleFunctionRoleArn' } }, Action: 'sts:AssumeRole' },
    ]);
  });

  it('grants the member role the inventory reads, the Config calls and the Security Hub import', () => {
    const role = (memberRoleTemplate().Resources as Json).ExecutionRole as Json;
    const policy = ((role.Properties as Json).Policies as Json[])[0]?.PolicyDocument as Json;
    const actions = (policy.Statement as Json[]).flatMap((s) => s.Action as string[]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ...INVENTORY_READ_ACTIONS,
        'config:PutEvaluations',
        'config:GetResourceConfigHistory',
        'config:GetComplianceDetailsByConfigRule',
        'securityhub:BatchImportFindings',
      ]),
    );
    expect((role.Properties as Json).Path).toBe('/');
  });

  it('creates an organization aggregator whose role Config assumes for this account only', () => {
    synthesized.template.hasResourceProperties('AWS::Config::ConfigurationAggregator', {
      OrganizationAggregationSource: { AllAwsRegions: true },
    });
    synthesized.template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Principal: { Service: 'config.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
          },
        ],
      },
      ManagedPolicyArns: [
        {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':iam::aws:policy/service-role/AWSConfigRoleForOrganizations',
            ],
          ],
        },
      ],
    });
  });

  it('deploys no conformance pack in rules mode', () => {
    synthesized.template.resourceCountIs('AWS::Config::OrganizationConformancePack', 0);
  });
});

describe('Organization stack, deployed as an organization conformance pack', () => {
  let synthesized: Synthesized<AmiShareGuardOrganizationStack>;
  beforeAll(() => {
    synthesized = synthOrganization({
      deployAs: 'conformance-pack',
      invokerAccounts: ['222233334444', '555566667777'],
    });
  });

  it('deploys the committed organization pack template with the function ARNs and ExecutionRoleName as inputs', () => {
    const pack = Object.values(
      resourcesOfType(synthesized.json, 'AWS::Config::OrganizationConformancePack'),
    )[0];
    expect(pack?.Properties?.TemplateBody).toBe(conformancePackYaml(fixtureRules, { organization: true }));
    const inputs = pack?.Properties?.ConformancePackInputParameters as { ParameterName: string }[];
    expect(inputs.map((i) => i.ParameterName)).toEqual(
      expect.arrayContaining([
        'ExecutionRoleName',
        'FixtureSharedAmiCheckFunctionArn',
        'FixtureKeyPolicyCheckFunctionArn',
        'FixtureDistributionCheckFunctionArn',
        'FixtureSharedAmiCheckAllowedAccountIds',
        'FixtureKeyPolicyCheckConsumerAccountIds',
      ]),
    );
    synthesized.template.resourceCountIs('AWS::Config::OrganizationConfigRule', 0);
  });

  it('restricts invocation to the listed accounts, one permission per account and function', () => {
    const permissions = Object.values(resourcesOfType(synthesized.json, 'AWS::Lambda::Permission'));
    expect(permissions).toHaveLength(fixtureRules.length * 2);
    const accounts = permissions.map((p) => p.Properties?.SourceAccount);
    expect(new Set(accounts)).toEqual(new Set(['222233334444', '555566667777']));
    for (const permission of permissions)
      expect(permission.Properties?.Principal).toBe('config.amazonaws.com');
  });

  it('asks for the organization id and target OUs as stack parameters when the context gives none', () => {
    const parameters = synthesized.json.Parameters as Json;
    expect(parameters.OrganizationId).toMatchObject({
      Type: 'String',
      AllowedPattern: '^o-[a-z0-9]{10,32}$',
    });
    expect(parameters.TargetOrganizationalUnitIds).toMatchObject({ Type: 'CommaDelimitedList' });
  });
});
