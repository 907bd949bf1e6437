import { z } from 'zod';
import type { RuleMetadata } from '../../../../rules/core/ruleMetadata';
import { defineInventoryRule } from '../../../../rules/kit/defineInventoryRule';
import type { PackRule } from '../../../../rules/kit/packRule';
import { registerRule } from '../../../../rules/kit/packRule';

/** A registered rule with a given id and evaluator, for CLI tests. */
export function fakeRule(id: string, evaluate: PackRule['spec']['evaluate'] = () => []): PackRule {
  const metadata: RuleMetadata<Record<string, never>> = {
    id,
    title: id,
    description: id,
    severity: 'LOW',
    scenarios: [],
    trigger: { kind: 'periodic', maximumExecutionFrequency: 'TwentyFour_Hours' },
    evaluationResourceTypes: ['AWS::::Account'],
    parameters: [],
    parameterSchema: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
    remediation: 'none',
  };
  return registerRule(
    defineInventoryRule({
      metadata,
      families: [],
      granularity: 'region',
      needsOrganization: false,
      evaluate,
    }),
  );
}
