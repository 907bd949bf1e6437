import { z } from 'zod';

/** Why a fact could not be read. `NotCollected`: the fact family was outside the collection scope. */
export const UNKNOWN_REASON_CODES = [
  'AccessDenied',
  'Throttled',
  'RegionDisabled',
  'NotFound',
  'Timeout',
  'NotCollected',
  'Error',
] as const;
export type UnknownReasonCode = (typeof UNKNOWN_REASON_CODES)[number];

export const UnknownReasonSchema = z.strictObject({
  code: z.enum(UNKNOWN_REASON_CODES),
  message: z.string(),
  /** The API that failed, e.g. `kms:GetKeyPolicy`. */
  api: z.string().optional(),
});
export type UnknownReason = z.infer<typeof UnknownReasonSchema>;

/**
 * A fact as read from AWS: either its value, or a typed unknown with the reason it could not be
 * read. Never an empty list standing in for "could not read".
 */
export type Fact<T> =
  | { readonly status: 'known'; readonly value: T }
  | { readonly status: 'unknown'; readonly reason: UnknownReason };

export type KnownFact<T> = Extract<Fact<T>, { status: 'known' }>;
export type UnknownFact = Extract<Fact<never>, { status: 'unknown' }>;

/** The zod schema of a `Fact<T>` for a value schema. */
export function factSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('status', [
    z.strictObject({ status: z.literal('known'), value }),
    z.strictObject({ status: z.literal('unknown'), reason: UnknownReasonSchema }),
  ]);
}

export function known<T>(value: T): Fact<T> {
  return { status: 'known', value };
}

export function unknown<T = never>(code: UnknownReasonCode, message: string, api?: string): Fact<T> {
  return { status: 'unknown', reason: api === undefined ? { code, message } : { code, message, api } };
}

export function isKnown<T>(fact: Fact<T>): fact is KnownFact<T> {
  return fact.status === 'known';
}

export function isUnknown<T>(fact: Fact<T>): fact is UnknownFact {
  return fact.status === 'unknown';
}

/** The value of a known fact, or `fallback` (use only where "unknown" is handled separately). */
export function valueOr<T, F>(fact: Fact<T>, fallback: F): T | F {
  return fact.status === 'known' ? fact.value : fallback;
}

/** Applies `fn` to a known value; an unknown stays the same unknown. */
export function mapFact<T, U>(fact: Fact<T>, fn: (value: T) => U): Fact<U> {
  return fact.status === 'known' ? { status: 'known', value: fn(fact.value) } : fact;
}
