import type { ClientConfigFor } from '../../../rules/inventory/live/AwsClients';
import { EMULATOR_DEFAULT_ACCOUNT, EmulatorSession, emulatorEndpoint } from '../../support/emulator';

/** The account moto attributes base-credential requests to. */
export const DEFAULT_ACCOUNT = EMULATOR_DEFAULT_ACCOUNT;

/**
 * The inventory tests' view of the shared emulator (`test/emulator`, whose `ec2_kms_extensions.py`
 * adds what the inventory reads and moto lacks: AMIs with their registered snapshots, snapshot KMS
 * keys, AWS managed key labels, GetEbsDefaultKmsKeyId).
 */
export class InventoryEmulator extends EmulatorSession {
  static override async start(): Promise<InventoryEmulator> {
    return new InventoryEmulator(emulatorEndpoint());
  }

  /** `configFor` for the live source; `self` is `selfAccountId`; `denied` accounts cannot be reached. */
  configFor(options: { selfAccountId?: string; denied?: readonly string[] } = {}): ClientConfigFor {
    return (accountId, region) => {
      const id = accountId === 'self' ? (options.selfAccountId ?? DEFAULT_ACCOUNT) : accountId;
      if (options.denied?.includes(id)) {
        // What a member account whose read role cannot be assumed gives: STS AccessDenied.
        return {
          endpoint: this.endpoint,
          region,
          maxAttempts: 1,
          credentials: async () => {
            throw Object.assign(
              new Error(
                `User is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${id}:role/Read`,
              ),
              { name: 'AccessDenied' },
            );
          },
        };
      }
      return { endpoint: this.endpoint, region, maxAttempts: 1, credentials: () => this.credentialsFor(id) };
    };
  }
}
