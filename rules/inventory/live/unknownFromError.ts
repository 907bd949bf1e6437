import type { Fact, UnknownReasonCode } from '../fact';
import { unknown } from '../fact';

const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AuthFailure',
  'UnauthorizedException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'ExpiredToken',
  'ExpiredTokenException',
  // The runtime's own errors when an account cannot be reached: the member role could not be
  // assumed, or (single-account mode) other accounts are out of reach.
  'AssumeRoleDeniedError',
  'AccountUnreachableError',
]);
const THROTTLED = new Set([
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);
const REGION_DISABLED = new Set(['OptInRequired', 'InvalidRegion', 'RegionDisabledException']);
const TIMEOUT = new Set(['TimeoutError', 'AbortError', 'RequestTimeout', 'RequestTimeoutException']);

/** The error's code: SDK v3 sets `name` to the service's error code (`Code` on some query APIs). */
export function errorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'Error';
  const e = error as { name?: unknown; Code?: unknown; code?: unknown };
  if (typeof e.Code === 'string') return e.Code;
  if (typeof e.name === 'string' && e.name !== 'Error') return e.name;
  if (typeof e.code === 'string') return e.code;
  return 'Error';
}

/** Classifies an AWS error into the reason code of an unknown fact. */
export function reasonCodeOf(error: unknown): UnknownReasonCode {
  const code = errorCode(error);
  if (ACCESS_DENIED.has(code)) return 'AccessDenied';
  if (THROTTLED.has(code)) return 'Throttled';
  if (REGION_DISABLED.has(code)) return 'RegionDisabled';
  if (TIMEOUT.has(code)) return 'Timeout';
  if (
    code === 'NotFoundException' ||
    code === 'AWSOrganizationsNotInUseException' ||
    code === 'ResourceNotFoundException' ||
    code.endsWith('.NotFound')
  )
    return 'NotFound';
  const status = (error as { $metadata?: { httpStatusCode?: unknown } } | null)?.$metadata?.httpStatusCode;
  if (status === 403) return 'AccessDenied';
  if (status === 429) return 'Throttled';
  return 'Error';
}

/** A typed unknown fact for a failed read of `api` (e.g. `kms:GetKeyPolicy`). */
export function unknownFromError<T = never>(error: unknown, api: string): Fact<T> {
  const message = error instanceof Error ? error.message : String(error);
  return unknown(reasonCodeOf(error), `${errorCode(error)}: ${message}`.slice(0, 1000), api);
}

/** Runs a read; a failure becomes a typed unknown instead of ending the run. */
export async function readFact<T>(api: string, read: () => Promise<T>): Promise<Fact<T>> {
  try {
    return { status: 'known', value: await read() };
  } catch (error) {
    return unknownFromError<T>(error, api);
  }
}
