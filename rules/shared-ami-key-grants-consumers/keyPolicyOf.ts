import type { Reason } from '../core/finding';
import type { Key } from '../inventory/model';
import type { PolicyDocument } from '../policy';
import { parsePolicyDocument, PolicyParseError } from '../policy';

/** A key's policy parsed, or why it cannot be judged (unreadable: FACT_UNREADABLE; invalid JSON). */
export type KeyPolicyLookup =
  | { readonly status: 'parsed'; readonly policy: PolicyDocument }
  | { readonly status: 'problem'; readonly reason: Reason };

export function keyPolicyOf(key: Key): KeyPolicyLookup {
  if (key.policy.status === 'unknown') {
    const r = key.policy.reason;
    return {
      status: 'problem',
      reason: {
        code: 'FACT_UNREADABLE',
        message: `Policy of key ${key.keyId} unreadable (${r.code}${r.api ? `, ${r.api}` : ''}).`,
      },
    };
  }
  try {
    return { status: 'parsed', policy: parsePolicyDocument(key.policy.value, 'key') };
  } catch (error) {
    if (!(error instanceof PolicyParseError)) throw error;
    return {
      status: 'problem',
      reason: {
        code: 'KEY_POLICY_INVALID',
        message: `Policy of key ${key.keyId} cannot be parsed: ${error.message}`.slice(0, 160),
      },
    };
  }
}
