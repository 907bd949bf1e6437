import { describe, expect, it } from 'vitest';
import { parseRuleParameters } from '../../../../rules/core/ruleParameters';
import { distributionDependencies } from '../../../../rules/imagebuilder-distribution-key-shareable';
import { metadata, pipelineDependencies } from '../../../../rules/imagebuilder-pipeline-distribution-ready';
import { buildScenario, periodicScope, REGION, TARGET, TARGET_KEY_ARN } from './ibScenario';

const params = parseRuleParameters(metadata, {});

describe('What the Image Builder rules read beyond the evaluated account and Region', () => {
  it("the pipeline rule reads each target account's roles, Region opt-in and keys in the distribution Region", () => {
    const targets = pipelineDependencies(buildScenario(), params, periodicScope);

    expect(targets).toEqual([
      { accountId: TARGET, regions: [REGION], families: ['roles', 'regionOptIn', 'keys'] },
    ]);
  });

  it('the pipeline rule reads nothing more when every target account is ignored', () => {
    const ignoring = parseRuleParameters(metadata, { IgnoredTargetAccountIds: TARGET });

    expect(pipelineDependencies(buildScenario(), ignoring, periodicScope)).toEqual([]);
  });

  it('the distribution rule reads the keys of the account owning a target-owned distribution key', () => {
    const targets = distributionDependencies(
      buildScenario({ distKey: 'target-owned' }),
      params,
      periodicScope,
    );

    expect(TARGET_KEY_ARN).toContain(TARGET);
    expect(targets).toEqual([{ accountId: TARGET, regions: [REGION], families: ['keys'] }]);
  });

  it('reads nothing more when the Image Builder facts of the evaluated Region are unknown', () => {
    const inv = buildScenario({ source: (r) => r.unknown('imageBuilder') });

    expect(pipelineDependencies(inv, params, periodicScope)).toEqual([]);
  });
});
