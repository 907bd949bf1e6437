import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCapturingLogger } from '../../../rules/core/logger';
import type { Finding } from '../../../rules/core/finding';
import type { RuleContext, RuleInvocation } from '../../../rules/core/ruleDefinition';
import type { RuleMetadata } from '../../../rules/core/ruleMetadata';
import { unlimitedBudget } from '../../../rules/core/timeBudget';
import type { Inventory } from '../../../rules/inventory/model';
import type { CollectRequest, EvaluationScope } from '../../../rules/kit/inventoryRule';
import { defineInventoryRule } from '../../../rules/kit/defineInventoryRule';
import { registerRule } from '../../../rules/kit/packRule';
import { runRulesOnInventory } from '../../../rules/kit/runRulesOnInventory';
import { inventory } from '../../fixtures/inventory';

interface Params {
  readonly Flag: boolean;
}

const metadata: RuleMetadata<Params> = {
  id: 'kit-test-rule',
  title: 'Kit test rule',
  description: 'Counts keys.',
  severity: 'LOW',
  scenarios: [],
  trigger: { kind: 'periodic', maximumExecutionFrequency: 'TwentyFour_Hours' },
  evaluationResourceTypes: ['AWS::::Account'],
  parameters: [{ name: 'Flag', type: 'Boolean', description: 'a flag', default: 'false', required: false }],
  parameterSchema: z.object({
    Flag: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
  }),
  remediation: 'none',
};

function keyCountFinding(inv: Inventory, scope: EvaluationScope): Finding {
  const region = inv.accounts
    .find((a) => a.accountId === scope.accountId)
    ?.regions.find((r) => r.region === scope.region);
  const count = region?.keys.status === 'known' ? region.keys.value.length : -1;
  return {
    ruleId: metadata.id,
    resourceType: 'AWS::::Account',
    resourceId: scope.accountId,
    accountId: scope.accountId,
    region: scope.region,
    compliance: count >= 0 ? 'COMPLIANT' : 'NON_COMPLIANT',
    scenarios: [],
    reasons: [
      {
        code: 'KEYS',
        message: `${count} keys; accounts read: ${inv.accounts.map((a) => a.accountId).join(',')}`,
      },
    ],
  };
}

function ctx(expired = false): RuleContext {
  return {
    awsConfigFor: (_a, region) => ({ region, retryMode: 'adaptive', maxAttempts: 1 }),
    budget: { ...unlimitedBudget, expired: () => expired },
    logger: createCapturingLogger().logger,
    organizationMode: false,
  };
}

const periodic: RuleInvocation<Params> = {
  kind: 'periodic',
  params: { Flag: false },
  accountId: '111111111111',
  region: 'us-east-1',
  ruleName: 'kit-test-rule',
  notificationCreationTime: '2026-11-23T00:00:00.000Z',
};

describe('defineInventoryRule', () => {
  it('reads the evaluated account, then its dependencies, with one collector per run, and evaluates', async () => {
    const requests: CollectRequest[] = [];
    let factories = 0;
    const rule = defineInventoryRule(
      {
        metadata,
        families: ['keys'],
        granularity: 'region',
        needsOrganization: true,
        dependencies: () => [{ accountId: '222222222222', regions: ['eu-west-1'], families: ['roles'] }],
        evaluate: (inv, _p, scope) => [keyCountFinding(inv, scope)],
      },
      {
        collector: () => {
          factories++;
          return async (request) => {
            requests.push(request);
            const target = request.targets[0];
            return inventory()
              .account(target?.accountId ?? '', (a) => a.region(target?.regions[0] ?? '', (r) => r.key({})))
              .build();
          };
        },
      },
    );

    const result = await rule.evaluate(periodic, ctx());

    expect(factories).toBe(1);
    expect(requests).toEqual([
      {
        targets: [{ accountId: '111111111111', regions: ['us-east-1'], families: ['keys'] }],
        organization: true,
      },
      {
        targets: [{ accountId: '222222222222', regions: ['eu-west-1'], families: ['roles'] }],
        organization: false,
      },
    ]);
    expect(result.complete).toBe(true);
    expect(result.findings[0]?.reasons[0]?.message).toBe('1 keys; accounts read: 111111111111,222222222222');
  });

  it('reports an incomplete run when a fact of the evaluated account could not be read', async () => {
    const rule = defineInventoryRule(
      {
        metadata,
        families: ['keys'],
        granularity: 'region',
        needsOrganization: false,
        evaluate: (inv, _p, scope) => [keyCountFinding(inv, scope)],
      },
      {
        collector: () => async () =>
          inventory()
            .account('111111111111', (a) => a.region('us-east-1', (r) => r.unknown('keys', 'AccessDenied')))
            .build(),
      },
    );

    const result = await rule.evaluate(periodic, ctx());

    expect(result.complete).toBe(false);
    expect(result.incomplete?.[0]).toContain('111111111111/us-east-1 keys: AccessDenied');
    expect(result.findings[0]?.compliance).toBe('NON_COMPLIANT');
  });

  it('skips dependency reads and reports an incomplete run when the budget has run out', async () => {
    const requests: CollectRequest[] = [];
    const rule = defineInventoryRule(
      {
        metadata,
        families: ['keys'],
        granularity: 'region',
        needsOrganization: false,
        dependencies: () => [{ accountId: '222222222222', regions: ['us-east-1'], families: ['roles'] }],
        evaluate: (inv, _p, scope) => [keyCountFinding(inv, scope)],
      },
      {
        collector: () => async (request) => {
          requests.push(request);
          return inventory()
            .account('111111111111', (a) => a.region('us-east-1'))
            .build();
        },
      },
    );

    const result = await rule.evaluate(periodic, ctx(true));

    expect(requests).toHaveLength(1);
    expect(result.complete).toBe(false);
    expect(result.incomplete).toContain('dependency accounts not read: the time budget ran out');
  });
});

describe('runRulesOnInventory', () => {
  const inv = inventory()
    .account('111111111111', (a) => a.region('us-east-1', (r) => r.key({})).region('eu-west-1'))
    .account('222222222222', (a) => a.region('us-east-1'))
    .build();
  const evaluate = (_inv: Inventory, p: Params, scope: EvaluationScope): Finding[] => [
    { ...keyCountFinding(inv, scope), reasons: [{ code: 'FLAG', message: String(p.Flag) }] },
  ];

  it('evaluates region rules once per account and Region, with parameters parsed by the rule schema', () => {
    const rule = registerRule(
      defineInventoryRule({
        metadata,
        families: ['keys'],
        granularity: 'region',
        needsOrganization: false,
        evaluate,
      }),
    );

    const findings = runRulesOnInventory(inv, [rule], {
      ruleParameters: { 'kit-test-rule': { Flag: 'true' } },
    });

    expect(findings.map((f) => `${f.accountId}/${f.region}:${f.reasons[0]?.message}`)).toEqual([
      '111111111111/us-east-1:true',
      '111111111111/eu-west-1:true',
      '222222222222/us-east-1:true',
    ]);
  });

  it('evaluates account rules once per account, telling them every Region of the account', () => {
    const rule = registerRule(
      defineInventoryRule({
        metadata,
        families: ['roles'],
        granularity: 'account',
        needsOrganization: false,
        evaluate,
      }),
    );

    const scopes: EvaluationScope[] = [];
    const spy = registerRule(
      defineInventoryRule({
        metadata,
        families: ['roles'],
        granularity: 'account',
        needsOrganization: false,
        evaluate: (i, p, scope) => (scopes.push(scope), evaluate(i, p, scope)),
      }),
    );

    const findings = runRulesOnInventory(inv, [rule]);
    runRulesOnInventory(inv, [spy]);

    expect(findings.map((f) => `${f.accountId}/${f.region}:${f.reasons[0]?.message}`)).toEqual([
      '111111111111/us-east-1:false',
      '222222222222/us-east-1:false',
    ]);
    expect(scopes.map((s) => s.regions)).toEqual([['us-east-1', 'eu-west-1'], ['us-east-1']]);
  });

  it('rejects bad rule parameters with a message naming the parameter', () => {
    const rule = registerRule(
      defineInventoryRule({
        metadata,
        families: ['keys'],
        granularity: 'region',
        needsOrganization: false,
        evaluate,
      }),
    );

    expect(() =>
      runRulesOnInventory(inv, [rule], { ruleParameters: { 'kit-test-rule': { Flag: 'maybe' } } }),
    ).toThrow(/Flag/);
  });
});
