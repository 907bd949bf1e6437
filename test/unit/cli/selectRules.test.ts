import { describe, expect, it } from 'vitest';
import { selectRules } from '../../../cli/selectRules';
import { fakeRule } from './support/fakeRule';

describe('selectRules', () => {
  const all = [fakeRule('rule-a'), fakeRule('rule-b'), fakeRule('rule-c')];

  it('selects every rule when --rules is absent', () => {
    expect(selectRules(all, undefined).map((r) => r.metadata.id)).toEqual(['rule-a', 'rule-b', 'rule-c']);
  });

  it('keeps catalogue order whatever the order of --rules', () => {
    expect(selectRules(all, 'rule-c, rule-a').map((r) => r.metadata.id)).toEqual(['rule-a', 'rule-c']);
  });

  it('names the unknown ids and lists the known ones', () => {
    expect(() => selectRules(all, 'rule-a,nope')).toThrow(
      '--rules: unknown rule "nope"; known rules: rule-a, rule-b, rule-c',
    );
  });

  it('refuses an empty list', () => {
    expect(() => selectRules(all, ' , ')).toThrow('--rules: name at least one rule id');
  });

  it('says so when no rule is registered', () => {
    expect(() => selectRules([], undefined)).toThrow('no rule is registered');
  });
});
