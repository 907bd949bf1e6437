import type { ScenarioId } from './ruleMetadata';

/** The only compliance values PutEvaluations accepts. */
export type ComplianceType = 'COMPLIANT' | 'NON_COMPLIANT' | 'NOT_APPLICABLE';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * Why a resource got its verdict, as data. The 256-character Config annotation is rendered
 * from these at the edge; reports, the CLI and Security Hub get them whole.
 */
export interface Reason {
  /** Stable machine code, e.g. `KEY_POLICY_MISSING_CONSUMER`, `FACT_UNREADABLE`. */
  readonly code: string;
  /** One sentence a cloud engineer can act on. */
  readonly message: string;
  readonly scenarios?: readonly ScenarioId[];
}

/** The exact fix, as data (policy documents shaped like the seed articles' JSON examples). */
export interface Fix {
  /** One line: what to change, where. */
  readonly summary: string;
  /** Statements to add to a key policy (whole statements, ready to paste). */
  readonly keyPolicyStatements?: readonly JsonObject[];
  /** The key the statements belong to. */
  readonly keyArn?: string;
  /** An identity policy to attach (e.g. the article's `KmsKeyUsagePolicy`). */
  readonly identityPolicy?: JsonObject;
  /** The role the identity policy or trust policy belongs to. */
  readonly roleArn?: string;
  /** A role trust policy to set. */
  readonly trustPolicy?: JsonObject;
  /** Managed policies to attach. */
  readonly managedPolicyArns?: readonly string[];
  /** Ordered manual steps where a policy is not the fix (e.g. enable a Region). */
  readonly steps?: readonly string[];
}

/**
 * One verdict on one resource: the common currency of evaluators, the Config sink,
 * Security Hub, reports and the CLI.
 */
export interface Finding {
  readonly ruleId: string;
  /** As reported to Config: a Config resource type, or AWS::::Account. */
  readonly resourceType: string;
  readonly resourceId: string;
  readonly resourceArn?: string;
  readonly accountId: string;
  readonly region: string;
  readonly compliance: ComplianceType;
  /** Scenario IDs this verdict matched (empty for COMPLIANT twins and NOT_APPLICABLE). */
  readonly scenarios: readonly ScenarioId[];
  /** Why: at least one for NON_COMPLIANT. */
  readonly reasons: readonly Reason[];
  /** The consumer account id or role ARN concerned, where there is one. */
  readonly consumer?: string;
  /** KMS (or other) actions the consumer lacks. */
  readonly missingActions?: readonly string[];
  readonly fix?: Fix;
  /**
   * Finer-grained findings under this one: per-AMI findings under an AWS::::Account evaluation
   * (Config has no AMI resource type), for reports, the CLI and Security Hub.
   */
  readonly details?: readonly Finding[];
}
