import { describe, expect, it } from 'vitest';
import { AccountUnreachableError, AssumeRoleDeniedError } from '../../../rules/core/errors';
import { reasonCodeOf, unknownFromError } from '../../../rules/inventory/live/unknownFromError';

const sdkError = (name: string, status?: number) =>
  Object.assign(new Error(`${name} happened`), {
    name,
    ...(status ? { $metadata: { httpStatusCode: status } } : {}),
  });

describe('unknownFromError', () => {
  it.each([
    ['AccessDeniedException', 'AccessDenied'],
    ['UnauthorizedOperation', 'AccessDenied'],
    ['ThrottlingException', 'Throttled'],
    ['RequestLimitExceeded', 'Throttled'],
    ['OptInRequired', 'RegionDisabled'],
    ['TimeoutError', 'Timeout'],
    ['NotFoundException', 'NotFound'],
    ['InvalidAMIID.NotFound', 'NotFound'],
    ['SomethingElse', 'Error'],
  ])('classifies %s as %s', (name, code) => {
    expect(reasonCodeOf(sdkError(name))).toBe(code);
  });

  it('classifies by HTTP status when the code is unknown', () => {
    expect(reasonCodeOf(sdkError('Weird', 403))).toBe('AccessDenied');
    expect(reasonCodeOf(sdkError('Weird', 429))).toBe('Throttled');
  });

  it("treats the runtime's unreachable-account errors as AccessDenied, naming the role", () => {
    const denied = new AssumeRoleDeniedError('arn:aws:iam::222222222222:role/Read', '222222222222');
    const fact = unknownFromError(denied, 'kms:ListKeys');

    expect(fact).toMatchObject({ status: 'unknown', reason: { code: 'AccessDenied', api: 'kms:ListKeys' } });
    expect(fact.status === 'unknown' && fact.reason.message).toContain('arn:aws:iam::222222222222:role/Read');
    expect(reasonCodeOf(new AccountUnreachableError('333333333333', 'single-account mode'))).toBe(
      'AccessDenied',
    );
  });
});
