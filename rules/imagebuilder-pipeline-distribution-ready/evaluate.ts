import type { Finding } from '../core/finding';
import type { SharingOptions } from '../imagebuilder-distribution-key-shareable/checkDistribution';
import {
  checkDistributionConfiguration,
  sharingDistributions,
} from '../imagebuilder-distribution-key-shareable/checkDistribution';
import { keySharingProblems } from '../imagebuilder-distribution-key-shareable/keyProblems';
import type { Problem } from '../imagebuilder-distribution-key-shareable/problem';
import { findingFor, notApplicableFinding } from '../imagebuilder-distribution-key-shareable/problem';
import { keyOwner } from '../imagebuilder-distribution-key-shareable/resolveKmsKey';
import {
  imageBuilderFactsOf,
  inScope,
  reportedId,
} from '../imagebuilder-distribution-key-shareable/scopeHelpers';
import { sharingOptionsOf } from '../imagebuilder-distribution-key-shareable/sharedParameters';
import { checkImageRecipe } from '../imagebuilder-recipe-key-shareable/checkRecipe';
import type { ImageBuilderFacts, ImagePipeline } from '../inventory/imageBuilderModel';
import type { Inventory, Key } from '../inventory/model';
import type { EvaluationScope } from '../kit/inventoryRule';
import { checkTargetAccount } from './checkTargetAccount';
import type { PipelineDistributionReadyParams } from './metadata';
import { IMAGE_PIPELINE, metadata } from './metadata';

type PipelineVerdict =
  | { readonly kind: 'not-applicable'; readonly code: string; readonly message: string }
  | { readonly kind: 'judged'; readonly problems: Problem[]; readonly summary: string };

/**
 * The end-to-end check of one pipeline: its recipe (D1, D3–D5), its distribution keys (D2, D6,
 * D12), the image's keys for the service-linked role (D6) and each target (D12), and each target
 * account's role and Region (D7–D11).
 */
export function checkPipeline(
  inventory: Inventory,
  facts: ImageBuilderFacts,
  accountId: string,
  region: string,
  pipeline: ImagePipeline,
  options: SharingOptions,
): PipelineVerdict {
  if (!pipeline.imageRecipeArn) {
    return {
      kind: 'not-applicable',
      code: 'CONTAINER_PIPELINE',
      message: `${pipeline.name} builds containers, not AMIs.`,
    };
  }
  if (!pipeline.distributionConfigurationArn) {
    return {
      kind: 'not-applicable',
      code: 'NOT_DISTRIBUTED',
      message: `${pipeline.name} has no distribution configuration.`,
    };
  }
  const dc = facts.distributionConfigurations.find((d) => d.arn === pipeline.distributionConfigurationArn);
  const recipe = facts.imageRecipes.find((r) => r.arn === pipeline.imageRecipeArn);
  const pipelineSubject = { resourceType: IMAGE_PIPELINE, resourceId: pipeline.arn, accountId, region };
  const missing: Problem[] = [];
  if (!dc) {
    missing.push({
      code: 'DISTRIBUTION_CONFIGURATION_NOT_FOUND',
      message: `${pipeline.name} names distribution configuration ${pipeline.distributionConfigurationArn}, which does not exist.`,
      scenarios: [],
      subject: pipelineSubject,
    });
  }
  if (!recipe) {
    missing.push({
      code: 'IMAGE_RECIPE_NOT_FOUND',
      message: `${pipeline.name} names recipe ${pipeline.imageRecipeArn}, which does not exist in ${accountId}.`,
      scenarios: [],
      subject: pipelineSubject,
    });
  }
  if (!dc || !recipe) return { kind: 'judged', problems: missing, summary: '' };
  const sharing = sharingDistributions(dc, accountId, options);
  if (sharing.length === 0) {
    return {
      kind: 'not-applicable',
      code: 'NOT_SHARED',
      message: `${pipeline.name} distributes to no other account (no target accounts or launch permissions).`,
    };
  }
  const problems: Problem[] = [];
  const recipeCheck = checkImageRecipe(inventory, accountId, region, recipe, options);
  problems.push(...recipeCheck.problems);
  const distribution = checkDistributionConfiguration(inventory, accountId, dc, options);
  problems.push(...distribution.problems);
  const imageKeys: readonly Key[] = recipeCheck.imageKeys;
  const targets = new Set<string>();
  for (const s of sharing) {
    const distKey = distribution.keysByRegion.get(s.region);
    if (s.launchPermission) {
      for (const key of imageKeys) {
        problems.push(
          ...keySharingProblems(inventory, key, accountId, 'imagebuilder-service', 'the image key'),
        );
      }
    }
    for (const target of s.targetAccountIds) {
      targets.add(target);
      // The built AMI's snapshots are decrypted by the target's role: source keys must admit it (D12).
      for (const key of imageKeys) {
        const consumers = keyOwner(key) === target ? [accountId] : [target];
        for (const c of consumers)
          problems.push(...keySharingProblems(inventory, key, c, 'imagebuilder-target', 'the image key'));
      }
      const keys = [...imageKeys, ...(distKey ? [distKey] : [])];
      problems.push(
        ...checkTargetAccount(inventory, {
          sourceAccountId: accountId,
          targetAccountId: target,
          region: s.region,
          keys,
        }),
      );
    }
  }
  const summary =
    targets.size > 0
      ? `${pipeline.name} can distribute to ${[...targets].join(', ')}: keys shared, roles, trust and Regions in place.`
      : `${pipeline.name}: keys of its launch-permission distribution can be shared.`;
  return { kind: 'judged', problems, summary };
}

/** One finding per image pipeline of the evaluated account and Region. Pure. */
export function evaluatePipelineDistributionReady(
  inventory: Inventory,
  params: PipelineDistributionReadyParams,
  scope: EvaluationScope,
): Finding[] {
  const read = imageBuilderFactsOf(inventory, scope, metadata.id);
  if ('unreadable' in read) return [read.unreadable];
  const options = sharingOptionsOf(params);
  const findings: Finding[] = [];
  for (const pipeline of read.facts.imagePipelines) {
    if (!inScope(scope, IMAGE_PIPELINE, pipeline.arn, pipeline.name)) continue;
    const resource = {
      resourceType: IMAGE_PIPELINE,
      resourceId: reportedId(scope, pipeline.arn),
      resourceArn: pipeline.arn,
      accountId: scope.accountId,
      region: scope.region,
    };
    const verdict = checkPipeline(inventory, read.facts, scope.accountId, scope.region, pipeline, options);
    if (verdict.kind === 'not-applicable') {
      findings.push(
        notApplicableFinding(metadata.id, resource, { code: verdict.code, message: verdict.message }),
      );
      continue;
    }
    findings.push(
      findingFor(metadata.id, resource, verdict.problems, {
        code: 'PIPELINE_DISTRIBUTION_READY',
        message: verdict.summary,
      }),
    );
  }
  return findings;
}
