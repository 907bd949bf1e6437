import type { Reason } from './finding';

/** PutEvaluations' Annotation limit (1–256 characters). */
export const MAX_ANNOTATION_LENGTH = 256;
export const TRUNCATION_MARK = '… [truncated]';

/**
 * The Config annotation for a verdict's reasons: their messages joined with "; ", at most 256
 * characters (counted in UTF-16 code units, so it also fits any code-point count), cut on a
 * code-point boundary and marked "… [truncated]" when longer. `undefined` when there is nothing
 * to say (Config rejects an empty annotation: the field must be omitted).
 */
export function renderAnnotation(reasons: readonly Reason[]): string | undefined {
  const text = reasons
    .map((r) => r.message.replace(/\s+/g, ' ').trim())
    .filter((m) => m !== '')
    .join('; ');
  if (text === '') return undefined;
  if (text.length <= MAX_ANNOTATION_LENGTH) return text;
  const room = MAX_ANNOTATION_LENGTH - TRUNCATION_MARK.length;
  let kept = '';
  for (const ch of text) {
    if (kept.length + ch.length > room) break;
    kept += ch;
  }
  return `${kept.trimEnd()}${TRUNCATION_MARK}`;
}
