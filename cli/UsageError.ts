import { AmiShareGuardError } from '../rules/core/errors';

/** A command used wrongly, with a message that says what to do instead. Exit code 2. */
export class UsageError extends AmiShareGuardError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('USAGE', message, options);
    this.name = 'UsageError';
  }
}
