import { createConfigRuleHandler } from '../core/createConfigRuleHandler';
import { imagebuilderPipelineDistributionReadyRule } from './rule';

export const handler = createConfigRuleHandler(imagebuilderPipelineDistributionReadyRule);
