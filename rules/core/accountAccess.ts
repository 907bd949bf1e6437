import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { AccountUnreachableError, AssumeRoleDeniedError, InvalidInputError } from './errors';
import type { AwsClientConfig } from './ruleDefinition';
import { roleArnFor, roleCredentialsByAccount, type RoleCredentialsOptions } from './roleCredentials';

/** The rule parameter that turns on organization mode (the RDK convention, reference §5.2). */
export const EXECUTION_ROLE_PARAMETER = 'ExecutionRoleName';
/** Config's service-linked role: Lambda can never assume it. */
export const CONFIG_SERVICE_LINKED_ROLE = 'AWSServiceRoleForConfig';

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const ROLE_PATH_SEGMENT = /^[\u0021-\u007E]+$/;

/**
 * The `ExecutionRoleName` parameter, validated: `Name` or `/path/Name`. `undefined` when absent
 * (single-account mode). Refuses Config's service-linked role, by name, by its
 * `aws-service-role/` path, or because it is the event's own service-linked `executionRoleArn`.
 */
export function resolveExecutionRoleName(
  ruleParameters: Readonly<Record<string, unknown>>,
  accountId: string,
  executionRoleArn?: string,
): string | undefined {
  const path = `ruleParameters.${EXECUTION_ROLE_PARAMETER}`;
  const raw = ruleParameters[EXECUTION_ROLE_PARAMETER];
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string') throw new InvalidInputError(path, 'expected a role name (a string)');
  const value = raw.trim();
  if (value === '') return undefined;
  const segments = value.replace(/^\/+/, '').split('/');
  const name = segments.pop() ?? '';
  if (!ROLE_NAME.test(name)) {
    throw new InvalidInputError(
      path,
      `expected an IAM role name ([\\w+=,.@-], 1–64 characters), got ${JSON.stringify(raw)}`,
    );
  }
  if (segments.some((s) => !ROLE_PATH_SEGMENT.test(s))) {
    throw new InvalidInputError(path, `expected a role path like /path/Name, got ${JSON.stringify(raw)}`);
  }
  const serviceLinked =
    name === CONFIG_SERVICE_LINKED_ROLE ||
    segments[0] === 'aws-service-role' ||
    (executionRoleArn !== undefined &&
      executionRoleArn.includes(':role/aws-service-role/') &&
      roleArnFor(accountId, value) === executionRoleArn);
  if (serviceLinked) {
    throw new InvalidInputError(
      path,
      `${JSON.stringify(raw)} is AWS Config's service-linked role, which Lambda cannot assume: name a dedicated role deployed in every member account`,
    );
  }
  return value;
}

export interface AccountAccessOptions {
  /** The account the event is about (reachable in both modes). */
  readonly evaluatedAccountId: string;
  /** `ExecutionRoleName`; absent: single-account mode. */
  readonly roleName?: string;
  readonly sessionName: string;
  readonly partition?: string;
  /** STS client configuration used to assume the role (region, endpoint, base credentials). */
  readonly stsClientConfig?: RoleCredentialsOptions['stsClientConfig'];
  /** Merged into every config (the emulator's endpoint; base credentials for single-account mode). */
  readonly awsConfigOverrides?: {
    readonly endpoint?: string;
    readonly credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
    readonly maxAttempts?: number;
    readonly forcePathStyle?: boolean;
  };
  /** Replaces the STS-backed provider factory (tests). */
  readonly credentialsForAccount?: (accountId: string) => AwsCredentialIdentityProvider;
}

export interface AccountAccess {
  readonly organizationMode: boolean;
  awsConfigFor(accountId: string, region: string): AwsClientConfig;
}

function isAccessDenied(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; Code?: unknown; $metadata?: { httpStatusCode?: unknown } };
  return (
    e.name === 'AccessDenied' ||
    e.name === 'AccessDeniedException' ||
    e.Code === 'AccessDenied' ||
    e.$metadata?.httpStatusCode === 403
  );
}

/**
 * SDK client configs per account. Organization mode assumes `roleName` in whichever account is
 * asked for (one cached provider per account); an AccessDenied on AssumeRole becomes an
 * {@link AssumeRoleDeniedError} naming the role ARN and the account. Single-account mode uses the
 * function's own credentials, and only for the evaluated account.
 */
export function createAccountAccess(options: AccountAccessOptions): AccountAccess {
  const o = options.awsConfigOverrides ?? {};
  const base = {
    retryMode: 'adaptive' as const,
    maxAttempts: o.maxAttempts ?? 5,
    ...(o.endpoint ? { endpoint: o.endpoint } : {}),
    ...(o.forcePathStyle === undefined ? {} : { forcePathStyle: o.forcePathStyle }),
  };
  const roleName = options.roleName;
  if (roleName === undefined) {
    return {
      organizationMode: false,
      awsConfigFor(accountId, region) {
        if (accountId !== options.evaluatedAccountId) {
          throw new AccountUnreachableError(
            accountId,
            `single-account mode (no ${EXECUTION_ROLE_PARAMETER} rule parameter) reaches only ${options.evaluatedAccountId}`,
          );
        }
        return { ...base, region, ...(o.credentials ? { credentials: o.credentials } : {}) };
      },
    };
  }
  const inner =
    options.credentialsForAccount ??
    roleCredentialsByAccount({
      roleName,
      sessionName: options.sessionName,
      ...(options.partition ? { partition: options.partition } : {}),
      ...(options.stsClientConfig ? { stsClientConfig: options.stsClientConfig } : {}),
    });
  const wrapped = new Map<string, AwsCredentialIdentityProvider>();
  const providerFor = (accountId: string): AwsCredentialIdentityProvider => {
    let provider = wrapped.get(accountId);
    if (!provider) {
      const p = inner(accountId);
      provider = async (props) => {
        try {
          return await p(props);
        } catch (error) {
          if (isAccessDenied(error)) {
            throw new AssumeRoleDeniedError(roleArnFor(accountId, roleName, options.partition), accountId, {
              cause: error,
            });
          }
          throw error;
        }
      };
      wrapped.set(accountId, provider);
    }
    return provider;
  };
  return {
    organizationMode: true,
    awsConfigFor(accountId, region) {
      if (!/^\d{12}$/.test(accountId)) {
        throw new InvalidInputError(
          'accountId',
          `expected a 12-digit account id, got ${JSON.stringify(accountId)}`,
        );
      }
      return { ...base, region, credentials: providerFor(accountId) };
    },
  };
}
