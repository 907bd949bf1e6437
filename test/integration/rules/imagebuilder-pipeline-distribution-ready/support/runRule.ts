import {
  ConfigServiceClient,
  paginateGetComplianceDetailsByConfigRule,
} from '@aws-sdk/client-config-service';
import type { EvaluationResult } from '@aws-sdk/client-config-service';
import type { ConfigurationItem } from '../../../../../rules/core/configEvent';
import { createConfigRuleHandler } from '../../../../../rules/core/createConfigRuleHandler';
import { createCapturingLogger } from '../../../../../rules/core/logger';
import type { PackRule } from '../../../../../rules/kit/packRule';
import { changeEvent, scheduledEvent } from '../../../../fixtures/events';
import { BASE_CREDENTIALS } from './ibEmulator';
import type { IbEmulator } from './ibEmulator';
import type { Seeded, World } from './ibWorld';
import { mockImageBuilderAndRegions, REGION, seedWorld, SOURCE } from './ibWorld';

const lambdaContext = { getRemainingTimeInMillis: () => 900_000 };

async function recorded(emulator: IbEmulator, ruleName: string): Promise<EvaluationResult[]> {
  const client = new ConfigServiceClient(await emulator.config(SOURCE, REGION));
  const out: EvaluationResult[] = [];
  for await (const page of paginateGetComplianceDetailsByConfigRule(
    { client, pageSize: 100 },
    {
      ConfigRuleName: ruleName,
      ComplianceTypes: ['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE'],
      Limit: 100,
    },
  )) {
    out.push(...(page.EvaluationResults ?? []));
  }
  return out;
}

/** `TYPE ID COMPLIANCE` per recorded evaluation. */
export function brief(results: readonly EvaluationResult[]): string[] {
  return results
    .map((r) => {
      const q = r.EvaluationResultIdentifier?.EvaluationResultQualifier;
      return `${q?.ResourceType} ${q?.ResourceId} ${r.ComplianceType}`;
    })
    .sort();
}

/**
 * Resets the emulator, seeds `world`, serves Image Builder and ListRegions from mocks, runs the
 * rule's Lambda handler (organization mode, or single-account mode) on a scheduled event, or on a change event for the
 * configuration item `item(seeded)` builds, and reads back what PutEvaluations recorded.
 */
export async function runRule(
  emulator: IbEmulator,
  rule: PackRule,
  world: World,
  item?: (seeded: Seeded) => Partial<ConfigurationItem>,
  organization = true,
) {
  await emulator.reset();
  const seeded = await seedWorld(emulator, world);
  const mocks = mockImageBuilderAndRegions(seeded, world.targetRegionStatus);
  try {
    const handler = createConfigRuleHandler(
      rule,
      organization
        ? {
            stsClientConfig: { endpoint: emulator.endpoint, region: REGION, credentials: BASE_CREDENTIALS },
            awsConfigOverrides: { endpoint: emulator.endpoint, maxAttempts: 1 },
            logger: createCapturingLogger().logger,
            region: REGION,
          }
        : {
            // Single-account mode: the function's credentials are the evaluated account's.
            awsConfigOverrides: {
              endpoint: emulator.endpoint,
              maxAttempts: 1,
              credentials: await emulator.credentialsFor(SOURCE),
            },
            logger: createCapturingLogger().logger,
            region: REGION,
          },
    );
    const ruleName = rule.metadata.id;
    const ruleParameters: Record<string, string> = organization
      ? { ExecutionRoleName: 'AmiShareGuardMember' }
      : {};
    const summary = await handler(
      item
        ? changeEvent({ accountId: SOURCE, region: REGION, ruleName, ruleParameters, ci: item(seeded) })
        : scheduledEvent({ accountId: SOURCE, region: REGION, ruleName, ruleParameters }),
      lambdaContext,
    );
    const results = await recorded(emulator, ruleName);
    return { summary, results, seeded, annotation: results[0]?.Annotation ?? '' };
  } finally {
    mocks.restore();
  }
}
