import { allRules } from '../../rules/index';
import { createReportHandler } from './createReportHandler';

/** The scheduled report function's Lambda entry (bundled by `infra/outputs`). */
export const handler = createReportHandler({ rules: allRules });
