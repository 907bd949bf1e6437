import type { AwsCredentialIdentity } from '@smithy/types';
import {
  EMULATOR_BASE_CREDENTIALS,
  EMULATOR_DEFAULT_ACCOUNT as DEFAULT_ACCOUNT,
  emulatorCredentials,
  emulatorEndpoint,
  resetEmulator,
} from '../../../../support/emulator';

export const EMULATOR_DEFAULT_ACCOUNT = DEFAULT_ACCOUNT;
export const BASE_CREDENTIALS = EMULATOR_BASE_CREDENTIALS;

/**
 * The Image Builder handler tests' view of the shared emulator (`test/emulator`, whose
 * `iam_managed_policy_extensions.py` makes IAM know `Ec2ImageBuilderCrossAccountDistributionAccess`
 * for D8, and `ec2_kms_extensions.py` the snapshot keys and the EBS default key).
 */
export class IbEmulator {
  private constructor(readonly endpoint: string) {}

  static async start(): Promise<IbEmulator> {
    return new IbEmulator(emulatorEndpoint());
  }

  async reset(): Promise<void> {
    await resetEmulator();
  }

  /** The shared emulator outlives the file: nothing to stop. */
  async stop(): Promise<void> {}

  /** Credentials for an account: moto maps AssumeRole credentials to the role's account. */
  credentialsFor(accountId: string): Promise<AwsCredentialIdentity> {
    return emulatorCredentials(accountId);
  }

  async config(accountId: string, region: string) {
    return {
      endpoint: this.endpoint,
      region,
      credentials: await this.credentialsFor(accountId),
      maxAttempts: 1,
    };
  }
}
