import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack as CdkStack, Validations, type Stack } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureRules } from './fixtures';
import { cfnLint, setupCfnLint } from './support/cfnLint';
import { leastPrivilegeBreaches, templateIam, type TemplateIam } from './support/iamPolicyWalker';
import { synthAccount, synthOrganization } from './support/synthStacks';
import {
  CONFORMANCE_PACK_FILES,
  conformancePackYaml,
} from '../../infra/conformancePack/conformancePackTemplate';
import { REPO_ROOT } from '../../infra/ruleHandlerEntry';
import { memberRoleTemplate } from '../../infra/memberRoleTemplate';
import { INVENTORY_READ_ACTIONS } from '../../rules/inventory/readPermissions';

type Json = Record<string, unknown>;

interface Variant {
  readonly name: string;
  readonly stack: Stack;
  readonly json: Json;
}

/** One synth per variant for the whole file. */
let variants: Variant[] = [];

beforeAll(() => {
  setupCfnLint();
  const account = synthAccount();
  const orgRules = synthOrganization({
    organizationId: 'o-abcdefghij',
    targetOrganizationalUnitIds: ['r-ab12'],
  });
  const orgPack = synthOrganization({ deployAs: 'conformance-pack' });
  variants = [
    { name: 'single-account', stack: account.stack, json: account.json },
    { name: 'organization rules', stack: orgRules.stack, json: orgRules.json },
    { name: 'organization conformance pack', stack: orgPack.stack, json: orgPack.json },
  ];
});

function acknowledgements(root: IConstruct): { id: string; reason: string }[] {
  return root.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata
        .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((m) =>
          Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ id, reason })),
        ),
    );
}

/** The committed packs, once the registry holds rules (an empty pack is a placeholder, not a template). */
function committedPacksWithRules(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(CONFORMANCE_PACK_FILES)
      .map(([name, file]) => [`committed-${name}`, readFileSync(join(REPO_ROOT, file), 'utf8')] as const)
      .filter(([, body]) => body.includes('AWS::Config::ConfigRule')),
  );
}

describe('cdk-nag AwsSolutions', () => {
  it.each([0, 1, 2])('reports no unacknowledged finding for variant %i', (index) => {
    const { stack, name } = variants[index]!;
    const report = new AwsSolutionsChecks().validateScope(stack);
    const findings = report.violations.map(
      (v) => `${name}: ${v.ruleName}: ${v.violatingResources.map((r) => r.resourceLogicalId).join(', ')}`,
    );
    expect(findings).toEqual([]);
  });

  it('flags an unacknowledged wildcard policy (the check can fail)', () => {
    const stack = new CdkStack(new App(), 'Nag');
    const role = new Role(stack, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(new PolicyStatement({ actions: ['ec2:DescribeImages'], resources: ['*'] }));
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations.map((v) => v.ruleName)).toContain('AwsSolutions-IAM5[Resource::*]');
  });

  it('justifies every acknowledgement with a reason a reviewer can check', () => {
    const acks = variants.flatMap((v) => acknowledgements(v.stack));
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) expect(ack.reason.length, ack.id).toBeGreaterThanOrEqual(80);
  });
});

describe('cfn-lint', () => {
  it('passes every synthesized template, the member-role template and the conformance packs', () => {
    const result = cfnLint({
      ...Object.fromEntries(variants.map((v) => [v.name.replace(/\W+/g, '-'), v.json])),
      'member-role': memberRoleTemplate() as Json,
      'pack-account': conformancePackYaml(fixtureRules, { organization: false }),
      'pack-organization': conformancePackYaml(fixtureRules, { organization: true }),
      ...committedPacksWithRules(),
    });
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('fails a broken template (the check can fail)', () => {
    const result = cfnLint({ broken: { Resources: { Role: { Type: 'AWS::IAM::Role', Properties: {} } } } });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/AssumeRolePolicyDocument/);
  });
});

describe('Least privilege', () => {
  let iams: { name: string; iam: TemplateIam }[] = [];
  beforeAll(() => {
    iams = variants.map((v) => ({ name: v.name, iam: templateIam(v.json) }));
  });

  it.each([0, 1, 2])(
    'finds no breach in any IAM policy of variant %i (StackSet member role included)',
    (index) => {
      const { name, iam } = iams[index]!;
      expect(iam.statements.length, name).toBeGreaterThan(0);
      expect(leastPrivilegeBreaches(iam, ['RuleFunctionsRole'])).toEqual([]);
    },
  );

  it('walks the member role carried by the StackSet', () => {
    const sources = iams[1]!.iam.statements.map((s) => s.source);
    expect(sources).toContain(
      'MemberRole4B5A4F1B>ExecutionRole'.replace(
        /MemberRole4B5A4F1B/,
        sources.find((s) => s.includes('>'))?.split('>')[0] ?? 'none',
      ),
    );
    expect(iams[1]!.iam.statements.flatMap((s) => s.actions)).toContain('securityhub:BatchImportFindings');
  });

  it('attaches no managed policy but AWSConfigRoleForOrganizations (to the aggregator role)', () => {
    const attached = iams.flatMap((i) => i.iam.managedPolicies);
    expect(new Set(attached)).toEqual(
      new Set(['arn:<AWS::Partition>:iam::aws:policy/service-role/AWSConfigRoleForOrganizations']),
    );
  });

  it('keeps the inventory read list read-only', () => {
    for (const action of INVENTORY_READ_ACTIONS) expect(action).toMatch(/^[a-z0-9-]+:(Describe|Get|List)/);
  });

  it.each([
    {
      action: 'kms:Decrypt',
      resource: 'arn:aws:kms:eu-west-1:111122223333:key/k',
      problem: /forbidden action kms:Decrypt/,
    },
    { action: 'kms:CreateGrant', resource: 'arn:aws:kms:eu-west-1:111122223333:key/k', problem: /forbidden/ },
    {
      action: 'kms:GenerateDataKeyWithoutPlaintext',
      resource: 'arn:aws:kms:eu-west-1:1:key/k',
      problem: /forbidden/,
    },
    { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/*', problem: /forbidden action s3:GetObject/ },
    { action: 'ssm:GetParametersByPath', resource: '*', problem: /forbidden/ },
    { action: 'ec2:*', resource: '*', problem: /wildcard action ec2:\*/ },
    {
      action: 'config:PutConfigRule',
      resource: '*',
      problem: /write action config:PutConfigRule on Resource "\*"/,
    },
    {
      action: 'sts:AssumeRole',
      resource: 'arn:aws:iam::*:role/X',
      problem: /forbidden action sts:AssumeRole/,
    },
  ])('flags $action on $resource', ({ action, resource, problem }) => {
    const iam = templateIam({
      Resources: {
        Bad: {
          Type: 'AWS::IAM::Policy',
          Properties: {
            PolicyDocument: { Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] },
          },
        },
      },
    });
    expect(
      leastPrivilegeBreaches(iam)
        .map((b) => b.problem)
        .join('\n'),
    ).toMatch(problem);
  });
});
