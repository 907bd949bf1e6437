import type { JsonObject } from '../core/finding';
import type { CompiledPrincipal, Matcher } from './compiledStatement';
import type { ConditionOperator } from './conditionOperators';

/** Which kind of policy a document is: it decides which elements are required or forbidden. */
export type PolicyKind = 'key' | 'identity' | 'trust';

export type Effect = 'Allow' | 'Deny';

/** One principal entry: `"*"` is `{ type: '*', value: '*' }`; `{"AWS": "*"}` is `{ type: 'AWS', value: '*' }`. */
export interface PrincipalEntry {
  readonly type: '*' | 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';
  readonly value: string;
}

/** `ForAnyValue:` / `ForAllValues:` set qualifier of a condition operator. */
export type SetQualifier = 'ForAnyValue' | 'ForAllValues';

/** One `operator: { key: values }` pair of a `Condition` block. */
export interface ConditionClause {
  /** As written, e.g. `ForAllValues:StringEquals`. */
  readonly operatorName: string;
  readonly operator: ConditionOperator;
  readonly qualifier: SetQualifier | undefined;
  readonly ifExists: boolean;
  /** As written, e.g. `kms:ViaService`. */
  readonly key: string;
  /** Lower-cased key: condition keys are case-insensitive. */
  readonly keyLower: string;
  /** Values as strings (booleans and numbers are stringified as IAM does). */
  readonly values: readonly string[];
}

export interface PolicyStatement {
  /** Position in the document's `Statement` list. */
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly principal: readonly PrincipalEntry[] | undefined;
  readonly notPrincipal: readonly PrincipalEntry[] | undefined;
  /** Lower-cased action patterns (action names are case-insensitive). */
  readonly action: readonly string[] | undefined;
  readonly notAction: readonly string[] | undefined;
  readonly resource: readonly string[] | undefined;
  readonly notResource: readonly string[] | undefined;
  readonly conditions: readonly ConditionClause[];
  /** The statement as written. */
  readonly raw: JsonObject;
  /** Matchers compiled once at parse time (evaluation does no pattern parsing). */
  readonly compiled: {
    readonly action: readonly Matcher[] | undefined;
    readonly notAction: readonly Matcher[] | undefined;
    readonly resource: readonly Matcher[] | undefined;
    readonly notResource: readonly Matcher[] | undefined;
    readonly principal: readonly CompiledPrincipal[] | undefined;
    readonly notPrincipal: readonly CompiledPrincipal[] | undefined;
  };
}

export interface PolicyDocument {
  readonly kind: PolicyKind;
  readonly version: string | undefined;
  readonly statements: readonly PolicyStatement[];
  /** The document as written (with `Statement` always an array). */
  readonly raw: JsonObject;
}
