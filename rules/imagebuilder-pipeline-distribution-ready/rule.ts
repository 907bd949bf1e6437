import { applyImageBuilderItem } from '../imagebuilder-distribution-key-shareable/applyImageBuilderItem';
import { defineInventoryRule } from '../kit/defineInventoryRule';
import { PIPELINE_FAMILIES, pipelineDependencies } from './dependencies';
import { evaluatePipelineDistributionReady } from './evaluate';
import { metadata } from './metadata';

export const imagebuilderPipelineDistributionReadyRule = defineInventoryRule({
  metadata,
  families: PIPELINE_FAMILIES,
  granularity: 'region',
  needsOrganization: true,
  dependencies: pipelineDependencies,
  applyConfigurationItem: applyImageBuilderItem,
  evaluate: evaluatePipelineDistributionReady,
});
