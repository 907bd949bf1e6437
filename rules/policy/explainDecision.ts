import type { KmsActionEvaluation } from './evaluateKmsRequest';

/** The Config annotation limit. */
export const EXPLANATION_MAX = 256;

function shortKey(keyArn: string): string {
  const i = keyArn.indexOf(':key/');
  return i >= 0 ? `key/${keyArn.slice(i + 5)}` : keyArn;
}

function truncate(text: string): string {
  return text.length <= EXPLANATION_MAX ? text : `${text.slice(0, EXPLANATION_MAX - 1)}…`;
}

function stripKms(actions: readonly string[]): string {
  return actions.map((a) => a.replace(/^kms:/i, '')).join(', ');
}

/** One short sentence (at most 256 characters) for an annotation. */
export function explainDecision(input: {
  readonly consumer: string;
  readonly keyArn: string;
  readonly purpose: string;
  readonly evaluations: readonly KmsActionEvaluation[];
  readonly uniqueIdPrincipals: readonly string[];
}): string {
  const { consumer, purpose, evaluations } = input;
  const key = shortKey(input.keyArn);
  const denied = evaluations.filter((e) => e.decision === 'explicitly-denied');
  if (denied.length > 0) {
    const sids = [
      ...new Set(
        denied.flatMap((e) => e.statements.map((s) => s.sid ?? `${s.policy} statement #${s.index}`)),
      ),
    ];
    return truncate(
      `An explicit Deny (${sids.join(', ')}) blocks ${consumer} from ${stripKms(denied.map((e) => e.action))} on ${key} (${purpose}).`,
    );
  }
  const implicit = evaluations.filter((e) => e.decision === 'implicitly-denied');
  if (implicit.length > 0) {
    const keySide = implicit.filter((e) => e.keyPolicySide === 'no').map((e) => e.action);
    const idSide = implicit.filter((e) => e.identitySide === 'no').map((e) => e.action);
    const parts: string[] = [];
    if (keySide.length > 0) parts.push(`the key policy does not allow ${stripKms(keySide)}`);
    if (idSide.length > 0) parts.push(`no identity policy allows ${stripKms(idSide)}`);
    const stale =
      input.uniqueIdPrincipals.length > 0
        ? ` Stale unique-id principal(s): ${input.uniqueIdPrincipals.join(', ')}.`
        : '';
    return truncate(`${consumer} cannot use ${key} for ${purpose}: ${parts.join('; ')}.${stale}`);
  }
  const conditional = evaluations.filter((e) => e.decision === 'conditional');
  if (conditional.length > 0) {
    const keys = [...new Set(conditional.flatMap((e) => e.conditionalKeys))];
    return truncate(
      `Whether ${consumer} can use ${key} for ${purpose} depends on ${keys.length > 0 ? keys.join(', ') : 'conditions'} (not known here).`,
    );
  }
  return truncate(
    `${consumer} can use ${key} for ${purpose}: ${stripKms(evaluations.map((e) => e.action))} allowed.`,
  );
}
