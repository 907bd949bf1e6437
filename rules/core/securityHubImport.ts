import { InvalidInputError } from './errors';
import type { Finding } from './finding';
import type { Logger } from './logger';
import type { AwsClientConfig } from './ruleDefinition';
import type { RuleMetadata } from './ruleMetadata';
import { parseBooleanString } from './ruleParameters';

/**
 * The rule parameter that sends a run's findings to Security Hub ("true"/"false", default false).
 * Read by the runtime, like `ExecutionRoleName`: rule parameter schemas need not declare it.
 */
export const SECURITY_HUB_IMPORT_PARAMETER = 'SecurityHubImport';

/** A rule run's verdicts, as a findings sink (Security Hub) takes them. */
export interface RunFindings {
  readonly metadata: RuleMetadata<unknown>;
  readonly accountId: string;
  readonly region: string;
  readonly findings: readonly Finding[];
  /** `all`: a periodic run over every resource; `resource`: a change-triggered run about one. */
  readonly scope: 'all' | 'resource';
  readonly complete: boolean;
}

export interface FindingsSinkOutcome {
  readonly imported: number;
  readonly resolved: number;
}

export type FindingsSink = (run: RunFindings) => Promise<FindingsSinkOutcome>;

/** Builds the sink for one invocation, with that invocation's account access. */
export type FindingsSinkFactory = (deps: {
  readonly awsConfigFor: (accountId: string, region: string) => AwsClientConfig;
  readonly logger: Logger;
}) => FindingsSink | Promise<FindingsSink>;

/** Whether the rule parameters ask for the Security Hub import; a bad value names the parameter. */
export function securityHubImportRequested(ruleParameters: Readonly<Record<string, unknown>>): boolean {
  const path = `ruleParameters.${SECURITY_HUB_IMPORT_PARAMETER}`;
  const raw = ruleParameters[SECURITY_HUB_IMPORT_PARAMETER];
  if (raw === undefined || raw === null || raw === '') return false;
  if (typeof raw !== 'string') throw new InvalidInputError(path, 'expected "true" or "false"');
  return parseBooleanString(raw, path);
}

/**
 * The project's Security Hub sink (`outputs/securityhub`), loaded only when a run asks for it, so
 * functions that never import findings never load the Security Hub client.
 */
export const defaultSecurityHubSink: FindingsSinkFactory = async ({ awsConfigFor, logger }) => {
  const { createSecurityHubSink } = await import('../../outputs/securityhub/securityHubSink');
  return createSecurityHubSink({ awsConfigFor, logger });
};
