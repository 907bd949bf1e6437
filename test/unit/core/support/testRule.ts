import { z } from 'zod';
import type {
  Finding,
  RuleDefinition,
  RuleInvocation,
  RuleContext,
  RuleRunResult,
  RuleTrigger,
} from '../../../../rules/core';

export interface TestRuleParams {
  readonly ExecutionRoleName?: string;
  readonly Threshold: number;
}

export const testParameterSchema = z.looseObject({
  ExecutionRoleName: z.string().optional(),
  Threshold: z
    .string()
    .regex(/^\d+$/, 'expected a whole number of days, e.g. "30"')
    .transform(Number)
    .default(30),
});

/** A rule for runtime tests: `evaluate` is supplied by the test and its calls are recorded. */
export function testRule(
  evaluate: (inv: RuleInvocation<TestRuleParams>, ctx: RuleContext) => Promise<RuleRunResult>,
  trigger: RuleTrigger = { kind: 'periodic', maximumExecutionFrequency: 'TwentyFour_Hours' },
): RuleDefinition<TestRuleParams> & { calls: RuleInvocation<TestRuleParams>[] } {
  const calls: RuleInvocation<TestRuleParams>[] = [];
  return {
    calls,
    metadata: {
      id: 'test-rule',
      title: 'Test rule',
      description: 'A rule for the runtime tests.',
      severity: 'LOW',
      scenarios: [],
      trigger,
      evaluationResourceTypes: ['AWS::::Account'],
      parameters: [],
      parameterSchema: testParameterSchema,
      remediation: 'None.',
    },
    evaluate: async (inv, ctx) => {
      calls.push(inv);
      return evaluate(inv, ctx);
    },
  };
}

export function finding(overrides: Partial<Finding> & Pick<Finding, 'resourceId'>): Finding {
  return {
    ruleId: 'test-rule',
    resourceType: 'AWS::KMS::Key',
    accountId: '111111111111',
    region: 'eu-west-1',
    compliance: 'COMPLIANT',
    scenarios: [],
    reasons: [],
    ...overrides,
  };
}

/** `n` findings on distinct KMS keys. */
export function findings(n: number, compliance: Finding['compliance'] = 'COMPLIANT'): Finding[] {
  return Array.from({ length: n }, (_, i) =>
    finding({ resourceId: `key-${String(i).padStart(4, '0')}`, compliance }),
  );
}
