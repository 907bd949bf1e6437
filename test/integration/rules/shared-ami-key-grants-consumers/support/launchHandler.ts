import {
  ConfigServiceClient,
  paginateGetComplianceDetailsByConfigRule,
  type EvaluationResult,
} from '@aws-sdk/client-config-service';
import type { ConfigRuleHandlerOptions } from '../../../../../rules/core/createConfigRuleHandler';
import { createCapturingLogger } from '../../../../../rules/core/logger';
import {
  EMULATOR_DEFAULT_ACCOUNT,
  emulatorConfig,
  emulatorCredentials,
  emulatorEndpoint,
} from '../../../../support/emulator';

/**
 * Helpers for the launch rules' handler tests, over the project's shared emulator
 * (`test/support/emulator.ts`; AMIs shared from another account are visible through
 * `test/emulator/ec2_sharing_extensions.py`).
 */

/**
 * The function's own credentials (the organization read in single-account mode, the STS calls in
 * organization mode): the emulator's default account, through the environment as in Lambda.
 */
export async function useDefaultAccountCredentials(): Promise<void> {
  const base = await emulatorCredentials(EMULATOR_DEFAULT_ACCOUNT);
  process.env['AWS_ACCESS_KEY_ID'] = base.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = base.secretAccessKey;
}

/**
 * Handler options against the emulator. Single-account mode: the evaluated account's own
 * credentials. Organization mode (the event carries ExecutionRoleName): STS AssumeRole through
 * the emulator, which maps the assumed role to its account.
 */
export async function handlerOptions(
  accountId: string,
  region: string,
  organization = false,
): Promise<ConfigRuleHandlerOptions> {
  const { logger } = createCapturingLogger();
  const endpoint = emulatorEndpoint();
  return organization
    ? {
        logger,
        stsClientConfig: {
          endpoint,
          region,
          credentials: await emulatorCredentials(EMULATOR_DEFAULT_ACCOUNT),
        },
        awsConfigOverrides: { endpoint, maxAttempts: 1 },
        region,
      }
    : {
        logger,
        awsConfigOverrides: { endpoint, maxAttempts: 1, credentials: await emulatorCredentials(accountId) },
        region,
      };
}

/** The evaluations the emulator recorded for `ruleName` in the account (PutEvaluations observed). */
export async function recorded(
  accountId: string,
  region: string,
  ruleName: string,
): Promise<EvaluationResult[]> {
  const client = new ConfigServiceClient(await emulatorConfig(accountId, region));
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

/** `TYPE ID COMPLIANCE` lines of recorded evaluations, sorted. */
export function brief(results: readonly EvaluationResult[]): string[] {
  return results
    .map((r) => {
      const q = r.EvaluationResultIdentifier?.EvaluationResultQualifier;
      return `${q?.ResourceType} ${q?.ResourceId} ${r.ComplianceType}`;
    })
    .sort();
}
