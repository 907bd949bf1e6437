import { InvalidInputError } from '../core/errors';

/** A policy document that is not valid JSON, too large, or not a valid policy. `path` is a JSON path. */
export class PolicyParseError extends InvalidInputError {
  constructor(path: string, problem: string, options?: { cause?: unknown }) {
    super(path, problem, options);
    this.name = 'PolicyParseError';
  }
}
