import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAppSettings } from '../../infra/appSettings';
import { contextArguments } from '../../infra/bin/contextArguments';
import { REPO_ROOT, ruleHandlerEntry, ruleHandlerExists } from '../../infra/ruleHandlerEntry';
import { encodeInputParameters } from '../../infra/ruleInputParameters';
import { InvalidInputError } from '../../rules/core/errors';
import { allRules } from '../../rules/index';
import { synthAccount, synthOrganization } from './support/synthStacks';

describe('The registry the app deploys', () => {
  it('has a Lambda entry rules/<id>/handler.ts for every rule in allRules', () => {
    const missing = allRules.map((r) => r.metadata.id).filter((id) => !ruleHandlerExists(id));
    expect(missing).toEqual([]);
  });

  it('names every rule after a folder under rules/ (the Config rule name)', () => {
    const folders = new Set(
      readdirSync(join(REPO_ROOT, 'rules'), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name),
    );
    for (const rule of allRules) expect(folders.has(rule.metadata.id), rule.metadata.id).toBe(true);
  });

  it('uses rule ids valid as org rule names and unique', () => {
    const ids = allRules.map((r) => r.metadata.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9-_]{1,64}$/);
  });

  it.each([
    {
      mode: 'single-account',
      synth: () => synthAccount(allRules, { handlerEntry: ruleHandlerEntry }),
      outputFunctions: 0,
    },
    {
      mode: 'organization rules',
      synth: () =>
        synthOrganization({ handlerEntry: ruleHandlerEntry, invokerAccounts: ['222233334444'] }, allRules),
      // the scheduled compliance report (infra/outputs)
      outputFunctions: 1,
    },
    {
      mode: 'organization pack',
      synth: () =>
        synthOrganization({ handlerEntry: ruleHandlerEntry, deployAs: 'conformance-pack' }, allRules),
      outputFunctions: 1,
    },
  ])(
    'synthesizes the $mode stack from allRules (metadata within Config limits)',
    ({ synth, outputFunctions }) => {
      const { json } = synth();
      const expected = allRules.length + outputFunctions;
      const types = Object.values(json.Resources as Record<string, { Type: string }>).map((r) => r.Type);
      expect(types.filter((t) => t === 'AWS::Lambda::Function')).toHaveLength(expected);
    },
  );

  it('resolves a handler entry to rules/<id>/handler.ts', () => {
    expect(ruleHandlerEntry('some-rule', '/repo')).toBe('/repo/rules/some-rule/handler.ts');
  });
});

describe('App context', () => {
  it('defaults to single-account mode with org rules as the org deployment', () => {
    expect(parseAppSettings({})).toMatchObject({ mode: 'single', deployAs: 'rules' });
  });

  it.each([
    {
      raw: { mode: 'organization', targetOrganizationalUnitIds: 'r-ab12, ou-ab12-cdefgh12' },
      key: 'targetOrganizationalUnitIds',
      value: ['r-ab12', 'ou-ab12-cdefgh12'],
    },
    {
      raw: { invokerAccounts: '111122223333,444455556666' },
      key: 'invokerAccounts',
      value: ['111122223333', '444455556666'],
    },
    { raw: { aggregator: 'false' }, key: 'aggregator', value: false },
    { raw: { ruleParameters: '{"r":{"p":"v"}}' }, key: 'ruleParameters', value: { r: { p: 'v' } } },
    { raw: { ruleParameters: { r: { p: 'v' } } }, key: 'ruleParameters', value: { r: { p: 'v' } } },
  ])('reads $key from the CLI or cdk.json form', ({ raw, key, value }) => {
    expect(parseAppSettings(raw)).toHaveProperty(key, value);
  });

  it.each([
    { raw: { mode: 'everything' }, path: 'context.mode' },
    { raw: { organizationId: 'org-1' }, path: 'context.organizationId' },
    { raw: { invokerAccounts: '1234' }, path: 'context.invokerAccounts.0' },
    { raw: { targetOrganizationalUnitIds: 'ou_bad' }, path: 'context.targetOrganizationalUnitIds.0' },
    { raw: { executionRoleName: 'path/Role' }, path: 'context.executionRoleName' },
  ])('refuses a bad $path, naming it', ({ raw, path }) => {
    expect(() => parseAppSettings(raw)).toThrow(InvalidInputError);
    expect(() => parseAppSettings(raw)).toThrow(new RegExp(`^${path.replace(/\./g, '\\.')}: `));
  });

  it('reads -c key=value pairs when the app runs without the CDK CLI', () => {
    expect(contextArguments(['-c', 'mode=organization', '--context', 'deployAs=conformance-pack'])).toEqual({
      mode: 'organization',
      deployAs: 'conformance-pack',
    });
    expect(() => contextArguments(['-c', 'mode'])).toThrow(/argv\[1\]: -c expects key=value/);
  });

  it('refuses InputParameters over the Config limit, naming the rule', () => {
    expect(() => encodeInputParameters('r', { a: 'x'.repeat(2100) }, 2048)).toThrow(
      /ruleParameters\.r: InputParameters are 2108 characters; Config accepts at most 2048/,
    );
  });
});
