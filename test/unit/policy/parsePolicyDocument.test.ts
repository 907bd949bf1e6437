import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../rules/core/errors';
import { checkKeyAccess, parsePolicyDocument, PolicyParseError } from '../../../rules/policy';

const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

const allow = { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' };

describe('parsePolicyDocument: the documented forms', () => {
  it.each([
    ['"*"', '*', [{ type: '*', value: '*' }]],
    ['{"AWS": "*"}', { AWS: '*' }, [{ type: 'AWS', value: '*' }]],
    ['an account id', { AWS: '444455556666' }, [{ type: 'AWS', value: '444455556666' }]],
    [
      'a list of ARNs',
      { AWS: ['arn:aws:iam::444455556666:root', 'arn:aws:iam::444455556666:role/R'] },
      [
        { type: 'AWS', value: 'arn:aws:iam::444455556666:root' },
        { type: 'AWS', value: 'arn:aws:iam::444455556666:role/R' },
      ],
    ],
    ['a service', { Service: 'ec2.amazonaws.com' }, [{ type: 'Service', value: 'ec2.amazonaws.com' }]],
    [
      'a federated provider',
      { Federated: 'cognito-identity.amazonaws.com' },
      [{ type: 'Federated', value: 'cognito-identity.amazonaws.com' }],
    ],
    ['a canonical user', { CanonicalUser: 'abc123' }, [{ type: 'CanonicalUser', value: 'abc123' }]],
    [
      'mixed Service and AWS (seed 004 trust policy)',
      { Service: 'ec2.amazonaws.com', AWS: 'arn:aws:iam::111122223333:root' },
      [
        { type: 'Service', value: 'ec2.amazonaws.com' },
        { type: 'AWS', value: 'arn:aws:iam::111122223333:root' },
      ],
    ],
  ])('reads Principal given as %s', (_name, principal, expected) => {
    const doc = parsePolicyDocument({ Statement: { ...allow, Principal: principal } }, 'key');
    expect(doc.statements[0]?.principal).toEqual(expected);
  });

  it('reads a JSON string, a single Statement object, lower-cases actions and stringifies condition values', () => {
    const doc = parsePolicyDocument(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: {
          Effect: 'Deny',
          NotPrincipal: { AWS: 'arn:aws:iam::1:root' },
          NotAction: 'KMS:Decrypt',
          Resource: '*',
          Condition: { Bool: { 'kms:GrantIsForAWSResource': true }, NumericLessThan: { 'kms:X': 3 } },
        },
      }),
      'key',
    );
    const s = doc.statements[0];
    expect(s?.notAction).toEqual(['kms:decrypt']);
    expect(s?.conditions.map((c) => [c.operator.name, c.key, c.values])).toEqual([
      ['Bool', 'kms:GrantIsForAWSResource', ['true']],
      ['NumericLessThan', 'kms:X', ['3']],
    ]);
  });

  it('reads set qualifiers and IfExists', () => {
    const doc = parsePolicyDocument(
      {
        Statement: [
          {
            ...allow,
            Condition: {
              'ForAllValues:StringEqualsIfExists': { 'kms:EncryptionContextKeys': ['aws:ebs:id'] },
            },
          },
        ],
      },
      'identity',
    );
    expect(doc.statements[0]?.conditions[0]).toMatchObject({
      qualifier: 'ForAllValues',
      ifExists: true,
      keyLower: 'kms:encryptioncontextkeys',
    });
  });
});

describe('parsePolicyDocument: invalid documents name the JSON path', () => {
  it.each([
    [
      'bad Effect',
      { Statement: [allow, { ...allow, Effect: 'Permit' }] },
      'identity',
      '$.Statement[1].Effect: expected "Allow" or "Deny"',
    ],
    ['no Principal in a key policy', { Statement: [allow] }, 'key', '$.Statement[0].Principal: missing'],
    [
      'a Principal in an identity policy',
      { Statement: [{ ...allow, Principal: '*' }] },
      'identity',
      '$.Statement[0].Principal: an identity policy',
    ],
    [
      'both Action and NotAction',
      { Statement: [{ ...allow, NotAction: 'kms:X' }] },
      'identity',
      '$.Statement[0].NotAction: a statement cannot have both',
    ],
    [
      'no Action',
      { Statement: [{ Effect: 'Allow', Resource: '*' }] },
      'identity',
      '$.Statement[0].Action: missing',
    ],
    [
      'a non-action string',
      { Statement: [{ ...allow, Action: ['kms:Decrypt', 'decrypt'] }] },
      'identity',
      '$.Statement[0].Action[1]: "decrypt" is not an action',
    ],
    [
      'an unknown operator',
      { Statement: [{ ...allow, Condition: { StringSortOf: { 'aws:X': 'a' } } }] },
      'identity',
      '$.Statement[0].Condition.StringSortOf: unknown condition operator',
    ],
    [
      'an object condition value',
      { Statement: [{ ...allow, Condition: { StringEquals: { 'aws:X': { a: 1 } } } }] },
      'identity',
      '$.Statement[0].Condition.StringEquals.aws:X: expected a string',
    ],
    [
      'a partial wildcard principal',
      { Statement: [{ ...allow, Principal: { AWS: 'arn:aws:iam::1:role/*' } }] },
      'key',
      '$.Statement[0].Principal.AWS[0]: partial wildcards',
    ],
    [
      'an unknown principal type',
      { Statement: [{ ...allow, Principal: { Aws: '*' } }] },
      'key',
      '$.Statement[0].Principal.Aws: unknown principal type',
    ],
    ['a bad Version', { Version: '2012-10-18', Statement: [allow] }, 'identity', '$.Version: expected'],
    [
      'an empty Statement list',
      { Statement: [] },
      'identity',
      '$.Statement: expected at least one statement',
    ],
    ['not JSON', '{"Statement": [', 'identity', '$: not valid JSON'],
    ['an array', [allow], 'identity', '$: expected a JSON object'],
  ] as const)('rejects %s', (_name, input, kind, message) => {
    const act = () => parsePolicyDocument(input, kind);
    expect(act).toThrow(PolicyParseError);
    expect(act).toThrow(InvalidInputError);
    expect(act).toThrow(message);
  });
});

describe('parsePolicyDocument: hostile input is bounded', () => {
  it('rejects a policy string over 128 KiB without parsing it', () => {
    const huge = `{"Statement":[${'{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"},'.repeat(3000)}]}`;
    expect(() => parsePolicyDocument(huge, 'identity')).toThrow('over the 131072 limit');
  });

  it('rejects 100,000-deep nesting quickly and without a stack overflow', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const started = performance.now();
    expect(() => parsePolicyDocument(JSON.parse(deep) as unknown, 'identity')).toThrow(PolicyParseError);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('rejects more than 500 statements', () => {
    expect(() =>
      parsePolicyDocument({ Statement: Array.from({ length: 501 }, () => allow) }, 'identity'),
    ).toThrow('over the 500 limit');
  });

  it('never throws anything but PolicyParseError on random JSON, and answers within a few milliseconds', () => {
    const slowest: number[] = [];
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue({ maxDepth: 6 }), fc.string(), fc.json({ maxDepth: 6 }), policyLike),
        fc.constantFrom('key', 'identity', 'trust' as const),
        (input, kind) => {
          const started = performance.now();
          try {
            const doc = parsePolicyDocument(input, kind);
            // Whatever parses must also evaluate without throwing.
            if (kind === 'key') {
              checkKeyAccess({
                keyArn: KEY_ARN,
                keyPolicy: doc,
                consumer: { kind: 'account', accountId: '444455556666' },
                purpose: 'launch',
              });
            }
          } catch (error) {
            if (!(error instanceof PolicyParseError)) throw error;
          }
          slowest.push(performance.now() - started);
        },
      ),
      { seed: 7, numRuns: 3000 },
    );
    slowest.sort((a, b) => b - a);
    // p99 bounds the parser's own cost; the maximum only guards against a hang (a loaded CI
    // machine can pause any single call for GC or scheduling).
    expect(slowest[Math.floor(slowest.length / 100)]).toBeLessThan(5);
    expect(slowest[0]).toBeLessThan(500);
  });
});

/** Almost-valid policies: the right element names with random values. */
const policyLike = fc.record({
  Version: fc.oneof(fc.constant('2012-10-17'), fc.jsonValue()),
  Statement: fc.array(
    fc.dictionary(
      fc.constantFrom(
        'Sid',
        'Effect',
        'Principal',
        'NotPrincipal',
        'Action',
        'NotAction',
        'Resource',
        'Condition',
      ),
      fc.oneof(
        fc.constantFrom(
          'Allow',
          'Deny',
          '*',
          'kms:Decrypt',
          'kms:*',
          { AWS: '444455556666' },
          { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } },
        ),
        fc.jsonValue({ maxDepth: 3 }),
      ),
    ),
    { maxLength: 4 },
  ),
});
