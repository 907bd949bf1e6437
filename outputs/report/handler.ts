import { createReportHandler } from './createReportHandler';

/**
 * The scheduled report function's Lambda entry (bundled by `infra/outputs`). Its settings and the
 * pack's rules come from the environment the construct writes (see `reportSettingsFrom`), so the
 * bundle carries the renderers, not the rule evaluators.
 */
export const handler = createReportHandler();
