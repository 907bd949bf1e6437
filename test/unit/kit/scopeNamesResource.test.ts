import { describe, expect, it } from 'vitest';
import { scopeNamesResource } from '../../../rules/kit/scopeNamesResource';

const KEY_ARN = 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-00000000000a';

describe('scopeNamesResource', () => {
  it('takes every resource in a periodic run', () => {
    expect(
      scopeNamesResource({ accountId: '111111111111', region: 'eu-west-1' }, 'AWS::KMS::Key', ['k']),
    ).toBe(true);
  });

  it.each([
    [
      'the resource id',
      { resourceType: 'AWS::KMS::Key', resourceId: '1234abcd-12ab-34cd-56ef-00000000000a' },
      true,
    ],
    ['the ARN (match)', { resourceType: 'AWS::KMS::Key', resourceId: 'other', arn: KEY_ARN }, true],
    ['another resource (no match)', { resourceType: 'AWS::KMS::Key', resourceId: 'other-key' }, false],
    ['a resource of another type (no match)', { resourceType: 'AWS::IAM::Role', resourceId: KEY_ARN }, false],
  ])('in a change-triggered run, judges the item by %s', (_what, resource, expected) => {
    const scope = { accountId: '111111111111', region: 'eu-west-1', resource };
    expect(
      scopeNamesResource(scope, 'AWS::KMS::Key', ['1234abcd-12ab-34cd-56ef-00000000000a', KEY_ARN]),
    ).toBe(expected);
  });
});
