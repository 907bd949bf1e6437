import type { Finding, Fix, Reason } from '../core/finding';
import type { ScenarioId } from '../core/ruleMetadata';

/** The thing a problem asks to change (a key, a role, a setting), where it lives. */
export interface ProblemSubject {
  readonly resourceType: string;
  readonly resourceId: string;
  readonly accountId: string;
  readonly region: string;
}

/**
 * One thing wrong with an Image Builder resource, as data. The rules of this family collect
 * problems, then turn them into one finding per evaluated resource (`findingFor`).
 */
export interface Problem {
  /** Stable code, e.g. `DISTRIBUTION_USES_AWS_MANAGED_KEY`, `FACT_UNREADABLE`. */
  readonly code: string;
  /** One sentence (at most 160 characters) a cloud engineer can act on. */
  readonly message: string;
  /** Scenarios matched; empty for facts that could not be read or decided. */
  readonly scenarios: readonly ScenarioId[];
  readonly subject: ProblemSubject;
  /** The consumer account id or role ARN concerned. */
  readonly consumer?: string;
  readonly missingActions?: readonly string[];
  readonly fix?: Fix;
}

export const FACT_UNREADABLE = 'FACT_UNREADABLE';

/** The resource a finding is about. */
export interface FindingResource {
  readonly resourceType: string;
  readonly resourceId: string;
  readonly resourceArn?: string;
  readonly accountId: string;
  readonly region: string;
}

/** Config annotations are short: a reason message is at most 160 characters. */
export const MAX_REASON_MESSAGE = 160;

export function clampMessage(message: string): string {
  return message.length <= MAX_REASON_MESSAGE ? message : `${message.slice(0, MAX_REASON_MESSAGE - 1)}…`;
}

function problemKey(p: Problem): string {
  return `${p.code}|${p.subject.resourceType}|${p.subject.resourceId}|${p.consumer ?? ''}|${p.message}`;
}

/** Removes repeated problems (the same check reached through two paths), keeping the first. */
export function uniqueProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = problemKey(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Scenario-matching problems first (they say what to fix), unreadable facts after. */
function ordered(problems: readonly Problem[]): Problem[] {
  const real = problems.filter((p) => p.code !== FACT_UNREADABLE && p.scenarios.length > 0);
  const undecided = problems.filter((p) => p.code !== FACT_UNREADABLE && p.scenarios.length === 0);
  const unreadable = problems.filter((p) => p.code === FACT_UNREADABLE);
  return [...real, ...undecided, ...unreadable];
}

/**
 * One finding for a resource: NON_COMPLIANT with every problem as a reason (and as a detail
 * finding carrying its own fix) when there are problems; otherwise COMPLIANT with `compliantReason`.
 */
export function findingFor(
  ruleId: string,
  resource: FindingResource,
  problems: readonly Problem[],
  compliantReason?: Reason,
): Finding {
  const base = {
    ruleId,
    resourceType: resource.resourceType,
    resourceId: resource.resourceId,
    ...(resource.resourceArn ? { resourceArn: resource.resourceArn } : {}),
    accountId: resource.accountId,
    region: resource.region,
  };
  const list = ordered(uniqueProblems(problems));
  const first = list[0];
  if (!first) {
    return {
      ...base,
      compliance: 'COMPLIANT',
      scenarios: [],
      reasons: compliantReason ? [compliantReason] : [],
    };
  }
  const scenarios = [...new Set(list.flatMap((p) => p.scenarios))];
  const missingActions = [...new Set(list.flatMap((p) => p.missingActions ?? []))];
  return {
    ...base,
    compliance: 'NON_COMPLIANT',
    scenarios,
    reasons: list.map((p) => ({ code: p.code, message: clampMessage(p.message), scenarios: p.scenarios })),
    ...(first.consumer ? { consumer: first.consumer } : {}),
    ...(missingActions.length > 0 ? { missingActions } : {}),
    ...(first.fix ? { fix: first.fix } : {}),
    details: list.map((p) => ({
      ruleId,
      resourceType: p.subject.resourceType,
      resourceId: p.subject.resourceId,
      accountId: p.subject.accountId,
      region: p.subject.region,
      compliance: 'NON_COMPLIANT',
      scenarios: p.scenarios,
      reasons: [{ code: p.code, message: clampMessage(p.message), scenarios: p.scenarios }],
      ...(p.consumer ? { consumer: p.consumer } : {}),
      ...(p.missingActions && p.missingActions.length > 0 ? { missingActions: p.missingActions } : {}),
      ...(p.fix ? { fix: p.fix } : {}),
    })),
  };
}

/** A not-applicable finding (the resource is outside what the rule judges), with why. */
export function notApplicableFinding(ruleId: string, resource: FindingResource, reason: Reason): Finding {
  return {
    ruleId,
    resourceType: resource.resourceType,
    resourceId: resource.resourceId,
    ...(resource.resourceArn ? { resourceArn: resource.resourceArn } : {}),
    accountId: resource.accountId,
    region: resource.region,
    compliance: 'NOT_APPLICABLE',
    scenarios: [],
    reasons: [reason],
  };
}

/** `key/1234…` from a key ARN (short enough for annotations). */
export function shortKey(keyArnOrRef: string): string {
  const i = keyArnOrRef.indexOf(':key/');
  return i >= 0 ? `key/${keyArnOrRef.slice(i + 5)}` : keyArnOrRef;
}

/** `Decrypt, CreateGrant` from `kms:Decrypt`, `kms:CreateGrant`. */
export function actionList(actions: readonly string[]): string {
  return actions.map((a) => a.replace(/^kms:/i, '')).join(', ');
}
