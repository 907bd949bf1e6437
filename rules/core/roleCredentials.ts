import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

export interface RoleCredentialsOptions {
  /** The role's name, optionally with its path: `ReadRole` or `/security/ReadRole`. */
  readonly roleName: string;
  readonly partition?: string;
  readonly sessionName: string;
  /** Seconds; STS allows 900 and up. */
  readonly durationSeconds?: number;
  /** Configuration for the STS client that assumes the role (region, endpoint, base credentials). */
  readonly stsClientConfig?: Parameters<typeof fromTemporaryCredentials>[0]['clientConfig'];
  /** Credentials to assume the role with; the default chain when absent. */
  readonly masterCredentials?: AwsCredentialIdentityProvider;
}

/** `arn:aws:iam::111122223333:role/path/Name` from an account id and a name that may carry a path. */
export function roleArnFor(accountId: string, roleName: string, partition = 'aws'): string {
  const trimmed = roleName.replace(/^\/+/, '');
  return `arn:${partition}:iam::${accountId}:role/${trimmed}`;
}

/**
 * A cache of credential providers, one per account, each assuming the same named role in that
 * account. The SDK's provider caches and refreshes the temporary credentials itself.
 */
export function roleCredentialsByAccount(
  options: RoleCredentialsOptions,
): (accountId: string) => AwsCredentialIdentityProvider {
  const providers = new Map<string, AwsCredentialIdentityProvider>();
  return (accountId: string) => {
    let provider = providers.get(accountId);
    if (!provider) {
      provider = fromTemporaryCredentials({
        params: {
          RoleArn: roleArnFor(accountId, options.roleName, options.partition),
          RoleSessionName: options.sessionName,
          DurationSeconds: options.durationSeconds ?? 900,
        },
        ...(options.masterCredentials ? { masterCredentials: options.masterCredentials } : {}),
        ...(options.stsClientConfig ? { clientConfig: options.stsClientConfig } : {}),
      });
      providers.set(accountId, provider);
    }
    return provider;
  };
}
