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
