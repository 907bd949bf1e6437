import {
  EMULATOR_BASE_CREDENTIALS,
  EMULATOR_DEFAULT_ACCOUNT as DEFAULT_ACCOUNT,
} from '../../../../support/emulator';

export const EMULATOR_DEFAULT_ACCOUNT = DEFAULT_ACCOUNT;
export const BASE_CREDENTIALS = EMULATOR_BASE_CREDENTIALS;

/**
 * The Image Builder handler tests' view of the shared emulator (`test/emulator`, whose
 * `iam_managed_policy_extensions.py` makes IAM know `Ec2ImageBuilderCrossAccountDistributionAccess`
 * for D8, and `ec2_kms_extensions.py` the snapshot keys and the EBS default key).
 */
export { EmulatorSession as IbEmulator } from '../../../../support/emulator';
