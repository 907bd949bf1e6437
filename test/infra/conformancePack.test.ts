import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeFixture, fixtureRules, hybridFixture, periodicFixture } from './fixtures';
import {
  CONFORMANCE_PACK_FILES,
  CONFORMANCE_PACK_MAX_PARAMETERS,
  CONFORMANCE_PACK_MAX_TEMPLATE_BYTES,
  conformancePackTemplate,
  conformancePackYaml,
} from '../../infra/conformancePack/conformancePackTemplate';
import { REPO_ROOT } from '../../infra/ruleHandlerEntry';
import { InvalidInputError } from '../../rules/core/errors';
import { allRules, type RegisteredRule } from '../../rules/index';

type Json = Record<string, unknown>;

const packs = [
  { name: 'account', file: CONFORMANCE_PACK_FILES.account, organization: false },
  { name: 'organization', file: CONFORMANCE_PACK_FILES.organization, organization: true },
] as const;

function rulesOf(template: Json): Json[] {
  return Object.values(template.Resources as Record<string, Json>);
}

describe('Conformance packs', () => {
  it.each(packs)(
    'the committed $name pack is what the registry generates (run npm run pack:generate)',
    (pack) => {
      const committed = readFileSync(join(REPO_ROOT, pack.file), 'utf8');
      expect(committed).toBe(conformancePackYaml(allRules, { organization: pack.organization }));
    },
  );

  it.each(packs)('the committed $name pack is under 51,200 bytes', (pack) => {
    expect(Buffer.byteLength(readFileSync(join(REPO_ROOT, pack.file)))).toBeLessThan(
      CONFORMANCE_PACK_MAX_TEMPLATE_BYTES,
    );
  });

  it.each(packs)('the $name pack holds only AWS::Config::ConfigRule resources, one per rule', (pack) => {
    const template = conformancePackTemplate(fixtureRules, { organization: pack.organization });
    const resources = rulesOf(template);
    expect(resources).toHaveLength(fixtureRules.length);
    for (const resource of resources) expect(resource.Type).toBe('AWS::Config::ConfigRule');
  });

  it.each([
    { rule: periodicFixture, types: ['ScheduledNotification'] },
    {
      rule: changeFixture,
      types: ['ConfigurationItemChangeNotification', 'OversizedConfigurationItemChangeNotification'],
    },
    {
      rule: hybridFixture,
      types: [
        'ConfigurationItemChangeNotification',
        'OversizedConfigurationItemChangeNotification',
        'ScheduledNotification',
      ],
    },
  ])('gives $rule.metadata.id the message types of its trigger kind', ({ rule, types }) => {
    const template = conformancePackTemplate(fixtureRules, { organization: false });
    const resource = rulesOf(template).find(
      (r) => (r.Properties as Json).ConfigRuleName === rule.metadata.id,
    );
    const details = ((resource?.Properties as Json).Source as Json).SourceDetails as Json[];
    expect(details.map((d) => d.MessageType)).toEqual(types);
  });

  it('passes ExecutionRoleName only in the organization pack', () => {
    const org = conformancePackTemplate(fixtureRules, { organization: true });
    const account = conformancePackTemplate(fixtureRules, { organization: false });
    for (const resource of rulesOf(org)) {
      expect(((resource.Properties as Json).InputParameters as Json).ExecutionRoleName).toEqual({
        Ref: 'ExecutionRoleName',
      });
    }
    for (const resource of rulesOf(account)) {
      expect(
        ((resource.Properties as Json).InputParameters as Json | undefined)?.ExecutionRoleName,
      ).toBeUndefined();
    }
    expect((org.Parameters as Json).ExecutionRoleName).toMatchObject({
      Default: 'AmiShareGuardExecutionRole',
    });
  });

  it('turns each function ARN and rule parameter into a pack parameter with the metadata default', () => {
    const template = conformancePackTemplate(fixtureRules, { organization: false });
    expect(Object.keys(template.Parameters as Json)).toEqual([
      'FixtureSharedAmiCheckFunctionArn',
      'FixtureSharedAmiCheckAllowedAccountIds',
      'FixtureSharedAmiCheckIgnoredImageTag',
      'FixtureKeyPolicyCheckFunctionArn',
      'FixtureKeyPolicyCheckConsumerAccountIds',
      'FixtureDistributionCheckFunctionArn',
    ]);
    expect((template.Parameters as Json).FixtureKeyPolicyCheckConsumerAccountIds).toMatchObject({
      Default: '444455556666',
    });
  });

  it('drops an optional parameter without default when the deployer leaves it empty', () => {
    const template = conformancePackTemplate([periodicFixture], { organization: false });
    const inputs = (rulesOf(template)[0]?.Properties as Json).InputParameters as Json;
    expect(inputs.ignoredImageTag).toEqual({
      'Fn::If': [
        'FixtureSharedAmiCheckIgnoredImageTagIsSet',
        { Ref: 'FixtureSharedAmiCheckIgnoredImageTag' },
        { Ref: 'AWS::NoValue' },
      ],
    });
  });

  it('refuses a pack over the 60-parameter limit, naming the count', () => {
    const many: RegisteredRule[] = Array.from({ length: 31 }, (_, i) => ({
      metadata: { ...changeFixture.metadata, id: `fixture-rule-${i}` },
    }));
    expect(() => conformancePackTemplate(many, { organization: false })).toThrow(InvalidInputError);
    expect(() => conformancePackTemplate(many, { organization: false })).toThrow(
      `the pack needs 62 parameters; Config accepts at most ${CONFORMANCE_PACK_MAX_PARAMETERS}`,
    );
  });

  it('refuses a template over 51,200 bytes', () => {
    const verbose: RegisteredRule[] = Array.from({ length: 25 }, (_, i) => ({
      metadata: { ...hybridFixture.metadata, id: `fixture-rule-${i}`, description: 'x'.repeat(2000) },
    }));
    expect(() => conformancePackYaml(verbose, { organization: true })).toThrow(
      /bytes; Config accepts at most 51200/,
    );
  });
});
