import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../rules/core/finding';
import type { KeyAccessInput } from '../../../rules/policy';
import { checkKeyAccess, parsePolicyDocument } from '../../../rules/policy';
import { identityStatementArb, keyStatementArb, SAME_ACCOUNT_ROLE } from './support/kmsArbitraries';
import { CONSUMER_ACCOUNT, KEY_ARN, keyPolicyJson, LAUNCH_ROLE } from './support/kmsQuestion';

const inputArb = fc.record({
  keyStatements: fc.array(keyStatementArb, { minLength: 1, maxLength: 4 }),
  identityStatements: fc.array(identityStatementArb, { maxLength: 2 }),
  consumer: fc.constantFrom('account', LAUNCH_ROLE, SAME_ACCOUNT_ROLE),
  purpose: fc.constantFrom(
    'launch' as const,
    'imagebuilder-target' as const,
    'imagebuilder-service' as const,
  ),
  scope: fc.constantFrom('consumer' as const, 'organization' as const, 'organizational-units' as const),
});

type Generated = typeof inputArb extends fc.Arbitrary<infer T> ? T : never;

function build(
  g: Generated,
  extraKey: readonly JsonObject[],
  extraIdentity: JsonObject | null,
): KeyAccessInput {
  const identities = [
    ...(g.identityStatements.length > 0
      ? [parsePolicyDocument(keyPolicyJson(g.identityStatements), 'identity')]
      : []),
    ...(extraIdentity ? [parsePolicyDocument(extraIdentity, 'identity')] : []),
  ];
  return {
    keyArn: KEY_ARN,
    keyPolicy: parsePolicyDocument(keyPolicyJson([...g.keyStatements, ...extraKey]), 'key'),
    consumer:
      g.consumer === 'account'
        ? { kind: 'account', accountId: CONSUMER_ACCOUNT }
        : { kind: 'role', roleArn: g.consumer, identityPolicies: identities },
    purpose: g.purpose,
    organization: { id: 'o-abc', paths: ['o-abc/r-root/ou-1/'] },
    shareScope: g.scope,
  };
}

describe('Remediation', () => {
  it('turns every implicit deny into an allow once the proposed statements are applied (fast-check)', () => {
    let exercised = 0;
    fc.assert(
      fc.property(inputArb, (g) => {
        // Prepare
        const before = checkKeyAccess(build(g, [], null));
        const onlyImplicit = before.actions.every(
          (a) => a.decision === 'allowed' || a.decision === 'implicitly-denied',
        );
        const noPossibleDeny = before.explicitDenies.length === 0;
        fc.pre(before.decision === 'denied' && onlyImplicit && noPossibleDeny);
        exercised += 1;
        // Act
        const after = checkKeyAccess(
          build(g, before.remediation.keyPolicyStatements, before.remediation.identityPolicy),
        );
        // Assess
        expect(after.decision).toBe('allowed');
        expect(after.remediation).toEqual({ keyPolicyStatements: [], identityPolicy: null });
      }),
      { seed: 42, numRuns: 1500 },
    );
    expect(exercised).toBeGreaterThan(300);
  });

  it('never proposes an action the policies already allow', () => {
    fc.assert(
      fc.property(inputArb, (g) => {
        const result = checkKeyAccess(build(g, [], null));
        const allowed = new Set(result.actions.filter((a) => a.decision === 'allowed').map((a) => a.action));
        const proposed = [
          ...result.remediation.keyPolicyStatements.flatMap((s) => s['Action'] as string[]),
          ...((result.remediation.identityPolicy?.['Statement'] as JsonObject[] | undefined) ?? []).flatMap(
            (s) => s['Action'] as string[],
          ),
        ];
        expect(proposed.filter((a) => allowed.has(a))).toEqual([]);
      }),
      { seed: 43, numRuns: 1000 },
    );
  });

  it('reports an explicit Deny as such and proposes nothing for the denied action', () => {
    fc.assert(
      fc.property(inputArb, (g) => {
        const result = checkKeyAccess(build(g, [], null));
        const denied = result.actions.filter((a) => a.decision === 'explicitly-denied').map((a) => a.action);
        const proposed = result.remediation.keyPolicyStatements.flatMap((s) => s['Action'] as string[]);
        expect(proposed.filter((a) => denied.includes(a))).toEqual([]);
        expect(result.explicitDenies.map((d) => d.action)).toEqual(expect.arrayContaining(denied));
      }),
      { seed: 44, numRuns: 1000 },
    );
  });

  it('keeps every explanation within the 256-character annotation limit', () => {
    fc.assert(
      fc.property(inputArb, (g) => {
        expect(checkKeyAccess(build(g, [], null)).explanation.length).toBeLessThanOrEqual(256);
      }),
      { seed: 45, numRuns: 500 },
    );
  });
});
