import {
  ConfigServiceClient,
  paginateGetComplianceDetailsByConfigRule,
} from '@aws-sdk/client-config-service';
import type { EvaluationResult } from '@aws-sdk/client-config-service';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCapturingLogger } from '../../../../rules/core/logger';
import { createConfigRuleHandler } from '../../../../rules/core/createConfigRuleHandler';
import { imagebuilderPipelineDistributionReadyRule } from '../../../../rules/imagebuilder-pipeline-distribution-ready';
import { changeEvent, scheduledEvent } from '../../../fixtures/events';
import { registerRule } from '../../../../rules/kit/packRule';
import { BASE_CREDENTIALS, IbEmulator } from './support/ibEmulator';
import { runRule } from './support/runRule';
import type { World } from './support/ibWorld';
import {
  mockImageBuilderAndRegions,
  PIPELINE_ARN,
  REGION,
  rootDelegation,
  seedWorld,
  SOURCE,
  TARGET,
} from './support/ibWorld';

const RULE = imagebuilderPipelineDistributionReadyRule.metadata.id;
const lambdaContext = { getRemainingTimeInMillis: () => 900_000 };
const savedEnv = { ...process.env };
let restoreMocks: (() => void) | undefined;
let emulator: IbEmulator;

beforeAll(async () => {
  emulator = await IbEmulator.start();
  // The function's own credentials (the organization read): the emulator's default account.
  process.env['AWS_ACCESS_KEY_ID'] = BASE_CREDENTIALS.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = BASE_CREDENTIALS.secretAccessKey;
});
afterAll(async () => {
  process.env = savedEnv;
  await emulator.stop();
});
beforeEach(() => emulator.reset());
afterEach(() => {
  restoreMocks?.();
  restoreMocks = undefined;
});

async function recorded(): Promise<EvaluationResult[]> {
  const client = new ConfigServiceClient(await emulator.config(SOURCE, REGION));
  const out: EvaluationResult[] = [];
  for await (const page of paginateGetComplianceDetailsByConfigRule(
    { client, pageSize: 100 },
    { ConfigRuleName: RULE, ComplianceTypes: ['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE'], Limit: 100 },
  )) {
    out.push(...(page.EvaluationResults ?? []));
  }
  return out;
}

function brief(results: readonly EvaluationResult[]): string[] {
  return results.map((r) => {
    const q = r.EvaluationResultIdentifier?.EvaluationResultQualifier;
    return `${q?.ResourceType} ${q?.ResourceId} ${r.ComplianceType}`;
  });
}

/** Seeds the world, serves Image Builder and ListRegions from mocks, runs the handler in organization mode. */
async function run(world: World, event: 'scheduled' | 'change' = 'scheduled') {
  await emulator.reset();
  const seeded = await seedWorld(emulator, world);
  restoreMocks?.();
  restoreMocks = mockImageBuilderAndRegions(seeded, world.targetRegionStatus).restore;
  const handler = createConfigRuleHandler(imagebuilderPipelineDistributionReadyRule, {
    stsClientConfig: { endpoint: emulator.endpoint, region: REGION, credentials: BASE_CREDENTIALS },
    awsConfigOverrides: { endpoint: emulator.endpoint, maxAttempts: 1 },
    logger: createCapturingLogger().logger,
    region: REGION,
  });
  const ruleParameters = { ExecutionRoleName: 'AmiShareGuardMember' };
  const summary = await handler(
    event === 'scheduled'
      ? scheduledEvent({ accountId: SOURCE, region: REGION, ruleName: RULE, ruleParameters })
      : changeEvent({
          accountId: SOURCE,
          region: REGION,
          ruleName: RULE,
          ruleParameters,
          ci: {
            resourceType: 'AWS::ImageBuilder::ImagePipeline',
            resourceId: PIPELINE_ARN,
            ARN: PIPELINE_ARN,
            resourceName: 'golden',
            // The Config shape: CloudFormation PascalCase property names.
            configuration: {
              Arn: PIPELINE_ARN,
              Name: 'golden',
              ImageRecipeArn: seeded.pipeline.imageRecipeArn,
              DistributionConfigurationArn: seeded.pipeline.distributionConfigurationArn,
              InfrastructureConfigurationArn: seeded.pipeline.infrastructureConfigurationArn,
              Status: 'ENABLED',
            },
          },
        }),
    lambdaContext,
  );
  const results = await recorded();
  return { summary, results, annotation: results[0]?.Annotation ?? '' };
}

interface Case {
  readonly id: string;
  readonly broken: World;
  readonly fixed: World;
  /** A fragment of the annotation that names the fault. */
  readonly says: string;
}

const cases: readonly Case[] = [
  {
    id: 'D1',
    broken: { recipeKey: 'aws-managed' },
    fixed: { recipeKey: 'cmk' },
    says: 'of recipe golden is encrypted with the AWS managed key',
  },
  {
    id: 'D2',
    broken: { distKey: 'aws-managed' },
    fixed: { distKey: 'cmk' },
    says: 'distribution encrypts with the AWS managed key',
  },
  {
    id: 'D3',
    broken: { recipeKey: 'none', parentSnapshots: ['aws-managed'] },
    fixed: { recipeKey: 'none', parentSnapshots: ['cmk'] },
    says: 'is encrypted with the AWS managed key',
  },
  {
    id: 'D4',
    broken: { recipeKey: 'none', parentSnapshots: ['cmk', 'aws-managed'] },
    fixed: { recipeKey: 'none', parentSnapshots: ['cmk', 'cmk'] },
    says: '(of 2 snapshots) use the AWS managed key',
  },
  {
    id: 'D5',
    broken: { recipeKey: 'none', parentSnapshots: ['unencrypted'], ebsDefault: 'aws-managed' },
    fixed: { recipeKey: 'none', parentSnapshots: ['unencrypted'], ebsDefault: 'cmk' },
    says: 'EBS default key is the AWS managed key',
  },
  {
    id: 'D6',
    broken: {
      launchPermission: true,
      targets: [],
      keyStatements: [{ ...rootDelegation(TARGET), Sid: 'Other account only' }],
    },
    fixed: { launchPermission: true, targets: [] },
    says: 'lets neither the account root nor AWSServiceRoleForImageBuilder',
  },
  {
    id: 'D7',
    broken: { role: { exists: false } },
    fixed: {},
    says: `has no role EC2ImageBuilderDistributionCrossAccountRole`,
  },
  {
    id: 'D8',
    broken: { role: { managedPolicy: false } },
    fixed: {},
    says: 'lacks Ec2ImageBuilderCrossAccountDistributionAccess',
  },
  {
    id: 'D9',
    broken: { role: { trusted: '999999999999' } },
    fixed: {},
    says: `does not let source account ${SOURCE} assume it`,
  },
  {
    id: 'D10',
    broken: { targetRegionStatus: 'DISABLED' },
    fixed: { targetRegionStatus: 'ENABLED' },
    says: `${REGION} is DISABLED in target account`,
  },
  { id: 'D11', broken: { role: { kmsInline: false } }, fixed: {}, says: 'has no KMS permission on' },
  {
    id: 'D12',
    broken: { keyStatements: [rootDelegation(SOURCE)] },
    fixed: {},
    says: `does not share it with account ${TARGET}`,
  },
];

describe('Handler: imagebuilder-pipeline-distribution-ready (emulator: KMS, EC2, IAM, STS; Image Builder and ListRegions mocked)', () => {
  it.each(cases)(
    '$id: NON_COMPLIANT for the broken setup; $id twin: COMPLIANT once fixed',
    async ({ broken, fixed, says }) => {
      // Act: the broken setup
      const before = await run(broken);
      // Assess: one pipeline evaluation, NON_COMPLIANT, the annotation names the fault
      expect(before.summary).toMatchObject({ organizationMode: true, evaluationsPut: 1 });
      expect(brief(before.results)).toEqual([
        `AWS::ImageBuilder::ImagePipeline ${PIPELINE_ARN} NON_COMPLIANT`,
      ]);
      expect(before.annotation).toContain(says);
      expect(before.annotation.length).toBeLessThanOrEqual(256);

      // Act: the same setup fixed as the article says
      const after = await run(fixed);
      // Assess
      expect(brief(after.results)).toEqual([`AWS::ImageBuilder::ImagePipeline ${PIPELINE_ARN} COMPLIANT`]);
      expect(after.summary.complete).toBe(true);
    },
  );

  it('NON_COMPLIANT (FACT_UNREADABLE), never COMPLIANT, in single-account mode: the target account cannot be read', async () => {
    const result = await runRule(
      emulator,
      registerRule(imagebuilderPipelineDistributionReadyRule),
      {},
      undefined,
      false,
    );

    expect(result.summary).toMatchObject({ organizationMode: false });
    expect(brief(result.results)).toEqual([`AWS::ImageBuilder::ImagePipeline ${PIPELINE_ARN} NON_COMPLIANT`]);
    expect(result.annotation).toContain(TARGET);
    expect(result.annotation).toMatch(/could not be read|was not read/);
  });

  it('judges the pipeline a configuration item (PascalCase, Config shape) names in a change-triggered run', async () => {
    const broken = await run({ role: { exists: false } }, 'change');
    expect(brief(broken.results)).toEqual([`AWS::ImageBuilder::ImagePipeline ${PIPELINE_ARN} NON_COMPLIANT`]);

    const fixed = await run({}, 'change');
    expect(brief(fixed.results)).toEqual([`AWS::ImageBuilder::ImagePipeline ${PIPELINE_ARN} COMPLIANT`]);
  });
});
