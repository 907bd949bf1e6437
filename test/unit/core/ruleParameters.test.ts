import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  InvalidInputError,
  param,
  parseAccountIdList,
  parseBooleanString,
  parseGlob,
  parseGlobList,
  parseRuleParameters,
  parseTag,
} from '../../../rules/core';
import { testRule } from './support/testRule';

describe('rule parameter helpers', () => {
  it.each([
    ['111111111111', ['111111111111']],
    [' 111111111111 , 222222222222,', ['111111111111', '222222222222']],
    ['111111111111,111111111111', ['111111111111']],
    ['', []],
  ])('parses the account list %j', (text, ids) => {
    expect(parseAccountIdList(text, 'p')).toEqual(ids);
  });

  it.each(['11111111111', '1111111111111', 'abc', '111111111111;222222222222'])(
    'rejects %j as an account list, naming the bad entry',
    (text) => {
      expect(() => parseAccountIdList(text, 'ruleParameters.Consumers')).toThrow(
        /^ruleParameters\.Consumers: expected a comma-separated list of 12-digit account ids, but ".*" is not one$/,
      );
    },
  );

  it.each([
    ['true', true],
    ['FALSE', false],
    [' True ', true],
  ])('parses the boolean %j', (text, value) => {
    expect(parseBooleanString(text, 'p')).toBe(value);
  });

  it.each(['yes', '1', ''])('rejects %j as a boolean', (text) => {
    expect(() => parseBooleanString(text, 'ruleParameters.Strict')).toThrow(
      'ruleParameters.Strict: expected "true" or "false"',
    );
  });

  it.each([
    ['env=prod', { key: 'env', value: 'prod' }],
    ['a=b=c', { key: 'a', value: 'b=c' }],
    ['env', { key: 'env' }],
    ['env=', { key: 'env', value: '' }],
  ])('parses the tag %j', (text, tag) => {
    expect(parseTag(text, 'p')).toEqual(tag);
  });

  it('rejects a tag with no key', () => {
    expect(() => parseTag('=prod', 'ruleParameters.Tag')).toThrow(
      'ruleParameters.Tag: expected a tag as key=value',
    );
  });

  it.each([
    ['golden-*', 'golden-ami-2026', true],
    ['golden-*', 'silver-ami', false],
    ['ami-????', 'ami-1234', true],
    ['ami-????', 'ami-12345', false],
    ['a.b', 'axb', false],
    ['*(prod)*', 'x(prod)y', true],
  ])('the glob %j matches %j: %s', (glob, text, expected) => {
    expect(parseGlob(glob, 'p').matches(text)).toBe(expected);
  });

  it('parses a CSV of globs', () => {
    expect(parseGlobList('a*, b?, ', 'p').map((g) => g.pattern)).toEqual(['a*', 'b?']);
  });
});

describe('parseRuleParameters', () => {
  it('validates with the rule schema and applies its defaults', () => {
    const rule = testRule(async () => ({ findings: [], complete: true }));
    expect(parseRuleParameters(rule.metadata, {})).toEqual({ Threshold: 30 });
    expect(parseRuleParameters(rule.metadata, { Threshold: '7' })).toEqual({ Threshold: 7 });
  });

  it('fails with an error naming the parameter and what was expected', () => {
    const rule = testRule(async () => ({ findings: [], complete: true }));
    const act = (): unknown => parseRuleParameters(rule.metadata, { Threshold: 'soon' });
    expect(act).toThrow(InvalidInputError);
    expect(act).toThrow('ruleParameters.Threshold: expected a whole number of days, e.g. "30"');
  });

  it('reports the helper message through a zod schema', () => {
    const schema = z.object({ Consumers: param.accountIds(), Strict: param.boolean() });
    const metadata = {
      ...testRule(async () => ({ findings: [], complete: true })).metadata,
      parameterSchema: schema,
    };
    expect(parseRuleParameters(metadata, { Consumers: '111111111111', Strict: 'true' })).toEqual({
      Consumers: ['111111111111'],
      Strict: true,
    });
    expect(() => parseRuleParameters(metadata, { Consumers: '12', Strict: 'true' })).toThrow(
      /^ruleParameters\.Consumers: expected a comma-separated list of 12-digit account ids, but "12" is not one$/,
    );
    expect(() => parseRuleParameters(metadata, { Consumers: '111111111111' })).toThrow(
      /^ruleParameters\.Strict: expected string, received undefined$/,
    );
  });

  it('lets rule authors make helper parameters optional or defaulted', () => {
    const schema = z.object({ Consumers: param.accountIds().default([]), Tag: param.tag().optional() });
    const metadata = {
      ...testRule(async () => ({ findings: [], complete: true })).metadata,
      parameterSchema: schema,
    };
    expect(parseRuleParameters(metadata, {})).toEqual({ Consumers: [] });
    expect(parseRuleParameters(metadata, { Tag: 'env=prod' })).toEqual({
      Consumers: [],
      Tag: { key: 'env', value: 'prod' },
    });
    expect(() => parseRuleParameters(metadata, { Tag: '=x' })).toThrow(
      /^ruleParameters\.Tag: expected a tag as key=value/,
    );
  });
});
