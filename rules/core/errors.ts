/**
 * The project's error family. Every error the project raises on purpose extends
 * {@link AmiShareGuardError}: it sets `name`, keeps a stable `code` and passes `{ cause }`.
 * Subclasses live next to what raises them (e.g. policy parsing, inventory files) and extend
 * this base.
 */
export class AmiShareGuardError extends Error {
  /** Stable machine code, e.g. `INVALID_PARAMETER`. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AmiShareGuardError';
    this.code = code;
  }
}

/** Bad input: an event, a rule parameter, a policy document, an inventory file, a CLI flag. */
export class InvalidInputError extends AmiShareGuardError {
  /** Where the problem is, e.g. `ruleParameters.ExecutionRoleName` or `$.accounts[2].regions`. */
  readonly path: string;

  constructor(path: string, problem: string, options?: { cause?: unknown }) {
    super('INVALID_INPUT', `${path}: ${problem}`, options);
    this.name = 'InvalidInputError';
    this.path = path;
  }
}

/**
 * Another account cannot be reached: single-account mode (no `ExecutionRoleName`) or a role
 * that cannot be assumed. Rules turn this into "fact unreadable", never into COMPLIANT.
 */
export class AccountUnreachableError extends AmiShareGuardError {
  readonly accountId: string;

  constructor(accountId: string, reason: string, options?: { cause?: unknown }) {
    super('ACCOUNT_UNREACHABLE', `account ${accountId} is unreachable: ${reason}`, options);
    this.name = 'AccountUnreachableError';
    this.accountId = accountId;
  }
}

/** STS AssumeRole was refused: names the role ARN and the account. */
export class AssumeRoleDeniedError extends AmiShareGuardError {
  readonly roleArn: string;
  readonly accountId: string;

  constructor(roleArn: string, accountId: string, options?: { cause?: unknown }) {
    super(
      'ASSUME_ROLE_DENIED',
      `cannot assume ${roleArn} in account ${accountId}: check the role exists and trusts this function's role`,
      options,
    );
    this.name = 'AssumeRoleDeniedError';
    this.roleArn = roleArn;
    this.accountId = accountId;
  }
}

/** One evaluation PutEvaluations refused, as the error reports it. */
export interface FailedEvaluationRef {
  readonly resourceType: string;
  readonly resourceId: string;
  readonly complianceType: string;
}

/** PutEvaluations kept returning `FailedEvaluations` after the retries. */
export class PutEvaluationsFailedError extends AmiShareGuardError {
  readonly failed: readonly FailedEvaluationRef[];

  constructor(failed: readonly FailedEvaluationRef[], attempts: number, options?: { cause?: unknown }) {
    const shown = failed
      .slice(0, 10)
      .map((f) => `${f.resourceType} ${f.resourceId} (${f.complianceType})`)
      .join(', ');
    const more = failed.length > 10 ? ` and ${failed.length - 10} more` : '';
    super(
      'PUT_EVALUATIONS_FAILED',
      `PutEvaluations failed for ${failed.length} evaluation(s) after ${attempts} attempt(s): ${shown}${more}`,
      options,
    );
    this.name = 'PutEvaluationsFailedError';
    this.failed = failed;
  }
}

/** The oversized item's full configuration could not be fetched. */
export class ConfigurationItemUnavailableError extends AmiShareGuardError {
  constructor(resourceType: string, resourceId: string, reason: string, options?: { cause?: unknown }) {
    super(
      'CONFIGURATION_ITEM_UNAVAILABLE',
      `cannot read the configuration item of ${resourceType} ${resourceId}: ${reason}`,
      options,
    );
    this.name = 'ConfigurationItemUnavailableError';
  }
}
