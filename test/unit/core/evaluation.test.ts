import { describe, expect, it } from 'vitest';
import { InvalidInputError, toEvaluation } from '../../../rules/core';

const at = new Date('2026-11-23T10:00:00.000Z');

describe('toEvaluation', () => {
  it.each([
    ['a 768-character resource id', 'AWS::KMS::Key', 'x'.repeat(768)],
    ['a 256-character resource type', 'T'.repeat(256), 'k'],
  ])('accepts %s', (_case, type, id) => {
    expect(toEvaluation(type, id, 'COMPLIANT', [], at)).toEqual({
      ComplianceResourceType: type,
      ComplianceResourceId: id,
      ComplianceType: 'COMPLIANT',
      OrderingTimestamp: at,
    });
  });

  it.each([
    ['a 769-character resource id', 'AWS::KMS::Key', 'x'.repeat(769), 'finding.resourceId'],
    ['an empty resource id', 'AWS::KMS::Key', '', 'finding.resourceId'],
    ['a 257-character resource type', 'T'.repeat(257), 'k', 'finding.resourceType'],
  ])('refuses %s, naming the field', (_case, type, id, path) => {
    const act = (): unknown => toEvaluation(type, id, 'COMPLIANT', [], at);
    expect(act).toThrow(InvalidInputError);
    expect(act).toThrow(new RegExp(`^${path.replace('.', '\\.')}: expected 1–`));
  });

  it('refuses an invalid ordering timestamp', () => {
    expect(() => toEvaluation('AWS::KMS::Key', 'k', 'COMPLIANT', [], new Date('nope'))).toThrow(
      'orderingTimestamp: expected a valid date',
    );
  });

  it('omits the annotation when there are no reasons and renders it when there are', () => {
    expect(toEvaluation('AWS::KMS::Key', 'k', 'NOT_APPLICABLE', [], at)).not.toHaveProperty('Annotation');
    expect(
      toEvaluation('AWS::KMS::Key', 'k', 'NON_COMPLIANT', [{ code: 'X', message: 'Why.' }], at).Annotation,
    ).toBe('Why.');
  });
});
