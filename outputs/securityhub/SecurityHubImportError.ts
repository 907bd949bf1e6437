import { AmiShareGuardError } from '../../rules/core/errors';

/** One finding Security Hub (or the size check before it) refused. */
export interface FailedImport {
  readonly id: string;
  readonly accountId: string;
  readonly errorCode: string;
  readonly errorMessage: string;
}

/** BatchImportFindings refused findings: names them (the first ten) and why. */
export class SecurityHubImportError extends AmiShareGuardError {
  readonly failed: readonly FailedImport[];

  constructor(failed: readonly FailedImport[], options?: { cause?: unknown }) {
    const shown = failed
      .slice(0, 10)
      .map((f) => `${f.id} in ${f.accountId} (${f.errorCode}: ${f.errorMessage})`)
      .join(', ');
    const more = failed.length > 10 ? ` and ${failed.length - 10} more` : '';
    super(
      'SECURITY_HUB_IMPORT_FAILED',
      `Security Hub refused ${failed.length} finding(s): ${shown}${more}`,
      options,
    );
    this.name = 'SecurityHubImportError';
    this.failed = failed;
  }
}
