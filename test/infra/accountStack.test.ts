import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { changeFixture, fixtureRules, hybridFixture, periodicFixture } from './fixtures';
import { resourcesOfType, synthAccount, TEST_ENV, type Synthesized } from './support/synthStacks';
import type { AmiShareGuardAccountStack } from '../../infra/AmiShareGuardAccountStack';
import { RULE_BUNDLE } from '../../infra/ruleBundling';
import { InvalidInputError } from '../../rules/core/errors';
import type { RegisteredRule } from '../../rules/index';

describe('Single-account stack', () => {
  let synthesized: Synthesized<AmiShareGuardAccountStack>;
  beforeAll(() => {
    // Prepare / Act: one synth for the file, the one that runs the CDK's esbuild bundling.
    synthesized = synthAccount(fixtureRules, {}, { bundle: true });
  });

  it('bundles each function locally (no Docker) into a minified ESM index.mjs asset', () => {
    const outdir = (synthesized.stack.node.root as App).outdir;
    for (const fn of Object.values(resourcesOfType(synthesized.json, 'AWS::Lambda::Function'))) {
      const key = String((fn.Properties?.Code as { S3Key: string }).S3Key).replace(/\.zip$/, '');
      const bundle = readFileSync(join(outdir, `asset.${key}`, 'index.mjs'), 'utf8');
      // Booleans only: a failure must not print a 300 KB bundle.
      expect(bundle.startsWith(RULE_BUNDLE.banner)).toBe(true);
      expect(bundle.split('\n').length < bundle.length / 1000).toBe(true);
    }
  });

  it('deploys one function per rule, Node.js 20 on arm64, ESM-bundled', () => {
    const functions = resourcesOfType(synthesized.json, 'AWS::Lambda::Function');
    expect(Object.keys(functions)).toHaveLength(fixtureRules.length);
    for (const fn of Object.values(functions)) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs20.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
      });
    }
  });

  it('gives every function its own log group with a retention', () => {
    synthesized.template.resourceCountIs('AWS::Logs::LogGroup', fixtureRules.length);
    synthesized.template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
  });

  it.each([
    {
      rule: periodicFixture,
      sourceDetails: [
        {
          EventSource: 'aws.config',
          MessageType: 'ScheduledNotification',
          MaximumExecutionFrequency: 'TwentyFour_Hours',
        },
      ],
      scope: Match.absent(),
    },
    {
      rule: changeFixture,
      sourceDetails: [
        { EventSource: 'aws.config', MessageType: 'ConfigurationItemChangeNotification' },
        { EventSource: 'aws.config', MessageType: 'OversizedConfigurationItemChangeNotification' },
      ],
      scope: { ComplianceResourceTypes: ['AWS::KMS::Key'] },
    },
    {
      rule: hybridFixture,
      sourceDetails: [
        { EventSource: 'aws.config', MessageType: 'ConfigurationItemChangeNotification' },
        { EventSource: 'aws.config', MessageType: 'OversizedConfigurationItemChangeNotification' },
        {
          EventSource: 'aws.config',
          MessageType: 'ScheduledNotification',
          MaximumExecutionFrequency: 'Six_Hours',
        },
      ],
      scope: {
        ComplianceResourceTypes: [
          'AWS::ImageBuilder::DistributionConfiguration',
          'AWS::ImageBuilder::ImagePipeline',
        ],
      },
    },
  ])(
    'creates the Config rule $rule.metadata.id with its trigger kind and scope',
    ({ rule, sourceDetails, scope }) => {
      synthesized.template.hasResourceProperties('AWS::Config::ConfigRule', {
        ConfigRuleName: rule.metadata.id,
        Description: rule.metadata.description,
        Source: { Owner: 'CUSTOM_LAMBDA', SourceDetails: sourceDetails },
        Scope: scope,
      });
    },
  );

  it('passes the metadata defaults as input parameters, and omits optional parameters without default', () => {
    synthesized.template.hasResourceProperties('AWS::Config::ConfigRule', {
      ConfigRuleName: periodicFixture.metadata.id,
      InputParameters: { allowedAccountIds: '111122223333,444455556666' },
    });
    const periodic = Object.values(resourcesOfType(synthesized.json, 'AWS::Config::ConfigRule')).find(
      (r) => r.Properties?.ConfigRuleName === periodicFixture.metadata.id,
    );
    expect(periodic?.Properties?.InputParameters).not.toHaveProperty('ignoredImageTag');
    // Single-account mode: no ExecutionRoleName, so the runtime reads with the function's own role.
    expect(periodic?.Properties?.InputParameters).not.toHaveProperty('ExecutionRoleName');
    const hybrid = Object.values(resourcesOfType(synthesized.json, 'AWS::Config::ConfigRule')).find(
      (r) => r.Properties?.ConfigRuleName === hybridFixture.metadata.id,
    );
    expect(hybrid?.Properties).not.toHaveProperty('InputParameters');
  });

  it('lets Config invoke each function only on behalf of this account', () => {
    const permissions = Object.values(resourcesOfType(synthesized.json, 'AWS::Lambda::Permission'));
    expect(permissions).toHaveLength(fixtureRules.length);
    for (const permission of permissions) {
      expect(permission.Properties).toMatchObject({
        Action: 'lambda:InvokeFunction',
        Principal: 'config.amazonaws.com',
        SourceAccount: TEST_ENV.account,
      });
    }
  });

  it('creates each Config rule after its invoke permission', () => {
    const rules = resourcesOfType(synthesized.json, 'AWS::Config::ConfigRule');
    const permissionIds = Object.keys(resourcesOfType(synthesized.json, 'AWS::Lambda::Permission'));
    for (const rule of Object.values(rules)) {
      expect(permissionIds.some((id) => (rule as { DependsOn?: string[] }).DependsOn?.includes(id))).toBe(
        true,
      );
    }
  });

  it('attaches no AWS managed policy to the function role (not even AWSConfigRulesExecutionRole)', () => {
    for (const role of Object.values(resourcesOfType(synthesized.json, 'AWS::IAM::Role'))) {
      expect(role.Properties?.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('exposes an outputs slot for the Security Hub import and report functions', () => {
    expect(synthesized.stack.outputs.node.path).toBe('Account/Outputs');
  });

  it('synthesizes an empty registry without rules or functions', () => {
    const empty = synthAccount([]);
    empty.template.resourceCountIs('AWS::Lambda::Function', 0);
    empty.template.resourceCountIs('AWS::Config::ConfigRule', 0);
  });

  it('overrides a default from the ruleParameters prop', () => {
    const overridden = synthAccount([changeFixture], {
      ruleParameters: { [changeFixture.metadata.id]: { consumerAccountIds: '777788889999' } },
    });
    overridden.template.hasResourceProperties('AWS::Config::ConfigRule', {
      InputParameters: { consumerAccountIds: '777788889999' },
    });
  });

  it('refuses a per-rule ExecutionRoleName: the deployment mode sets it', () => {
    expect(() =>
      synthAccount([periodicFixture], {
        ruleParameters: { [periodicFixture.metadata.id]: { ExecutionRoleName: 'Other' } },
      }),
    ).toThrow(/ruleParameters\.fixture-shared-ami-check\.ExecutionRoleName: is set by the deployment mode/);
  });

  it('refuses a required parameter without value, naming the rule and parameter', () => {
    const noDefault: RegisteredRule = {
      metadata: {
        ...changeFixture.metadata,
        parameters: [{ name: 'consumerAccountIds', type: 'CSV', description: 'Consumers.', required: true }],
      },
    };
    expect(() => synthAccount([noDefault])).toThrow(InvalidInputError);
    expect(() => synthAccount([noDefault])).toThrow(
      /ruleParameters\.fixture-key-policy-check\.consumerAccountIds/,
    );
  });
});
