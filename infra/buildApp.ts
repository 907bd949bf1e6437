import type { App, Stack } from 'aws-cdk-lib';
import { APP_CONTEXT_KEYS, parseAppSettings, type AppSettings } from './appSettings';
import { AmiShareGuardAccountStack } from './AmiShareGuardAccountStack';
import { AmiShareGuardOrganizationStack } from './AmiShareGuardOrganizationStack';

/** Reads the app's context (see {@link parseAppSettings}) from a CDK App. */
export function appSettingsFrom(app: App): AppSettings {
  const raw: Record<string, unknown> = {};
  for (const key of APP_CONTEXT_KEYS) {
    const value: unknown = app.node.tryGetContext(key);
    if (value !== undefined) raw[key] = value;
  }
  return parseAppSettings(raw);
}

/**
 * Adds the one stack the context asks for: `-c mode=single` (default) or `-c mode=organization`
 * (with `-c deployAs=rules|conformance-pack`). Deploys to the CLI's account and region.
 */
export function buildApp(app: App, settings: AppSettings = appSettingsFrom(app)): Stack {
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const description =
    'ami-share-guard: AWS Config rules for encrypted AMI sharing, Image Builder and KMS access';
  if (settings.mode === 'single') {
    return new AmiShareGuardAccountStack(app, settings.stackName ?? 'AmiShareGuard', {
      env,
      description,
      ...(settings.ruleParameters ? { ruleParameters: settings.ruleParameters } : {}),
      ...(settings.securityHubImport !== undefined ? { securityHubImport: settings.securityHubImport } : {}),
    });
  }
  return new AmiShareGuardOrganizationStack(app, settings.stackName ?? 'AmiShareGuardOrganization', {
    env,
    description,
    deployAs: settings.deployAs,
    ...(settings.organizationId ? { organizationId: settings.organizationId } : {}),
    ...(settings.targetOrganizationalUnitIds
      ? { targetOrganizationalUnitIds: settings.targetOrganizationalUnitIds }
      : {}),
    ...(settings.executionRoleName ? { executionRoleName: settings.executionRoleName } : {}),
    ...(settings.excludedAccounts ? { excludedAccounts: settings.excludedAccounts } : {}),
    ...(settings.invokerAccounts ? { invokerAccounts: settings.invokerAccounts } : {}),
    ...(settings.allowConfigInvokeFromAnyAccount !== undefined
      ? { allowConfigInvokeFromAnyAccount: settings.allowConfigInvokeFromAnyAccount }
      : {}),
    ...(settings.callAs ? { callAs: settings.callAs } : {}),
    ...(settings.aggregator !== undefined ? { aggregator: settings.aggregator } : {}),
    ...(settings.ruleParameters ? { ruleParameters: settings.ruleParameters } : {}),
    ...(settings.securityHubImport !== undefined ? { securityHubImport: settings.securityHubImport } : {}),
    ...(settings.report !== undefined ? { report: settings.report } : {}),
    ...(settings.reportTopicArn ? { reportTopicArn: settings.reportTopicArn } : {}),
  });
}
