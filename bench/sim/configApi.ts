import type { SimResponse, StoredEvaluation } from './simTypes';
import { SimError } from './simTypes';

const json = (o: object): SimResponse => ({
  body: JSON.stringify(o),
  contentType: 'application/x-amz-json-1.1',
});

/** Decides which evaluations of a PutEvaluations call come back in FailedEvaluations. */
export type FailEvaluation = (resourceId: string, attempt: number) => boolean;

interface WireEvaluation {
  ComplianceResourceType?: unknown;
  ComplianceResourceId?: unknown;
  ComplianceType?: unknown;
  Annotation?: unknown;
  OrderingTimestamp?: unknown;
}

/**
 * The Config side of the simulated AWS: PutEvaluations records results per account and rule
 * (the result token is taken to be the rule name, as in the project's emulator), and
 * GetComplianceDetailsByConfigRule serves them back, paginated.
 */
export class ConfigStore {
  private readonly results = new Map<string, Map<string, StoredEvaluation>>();
  private readonly attempts = new Map<string, number>();
  /** PutEvaluations calls accepted (TestMode excluded) and evaluations received. */
  putCalls = 0;
  received = 0;

  constructor(private readonly failEvaluation?: FailEvaluation) {}

  private bucket(accountId: string, ruleName: string): Map<string, StoredEvaluation> {
    const key = `${accountId}|${ruleName}`;
    let m = this.results.get(key);
    if (!m) {
      m = new Map();
      this.results.set(key, m);
    }
    return m;
  }

  /** Results currently recorded for the rule in the account (latest per resource). */
  evaluations(accountId: string, ruleName: string): StoredEvaluation[] {
    return [...this.bucket(accountId, ruleName).values()];
  }

  seed(accountId: string, ruleName: string, evaluations: readonly StoredEvaluation[]): void {
    const m = this.bucket(accountId, ruleName);
    for (const e of evaluations) m.set(`${e.resourceType}|${e.resourceId}`, e);
  }

  putEvaluations(accountId: string, params: Record<string, unknown>): SimResponse {
    const evaluations = params['Evaluations'];
    const token = params['ResultToken'];
    if (typeof token !== 'string' || token === '')
      throw new SimError('InvalidResultTokenException', 'ResultToken is required');
    if (!Array.isArray(evaluations)) throw new SimError('ValidationException', 'Evaluations must be a list');
    if (evaluations.length > 100)
      throw new SimError(
        'ValidationException',
        `Evaluations: at most 100 per call, got ${evaluations.length}`,
      );
    const testMode = params['TestMode'] === true;
    const failed: WireEvaluation[] = [];
    const m = this.bucket(accountId, token);
    for (const raw of evaluations as WireEvaluation[]) {
      const type = raw.ComplianceResourceType;
      const id = raw.ComplianceResourceId;
      const compliance = raw.ComplianceType;
      if (typeof type !== 'string' || typeof id !== 'string' || typeof compliance !== 'string')
        throw new SimError(
          'ValidationException',
          'each evaluation needs ComplianceResourceType, ComplianceResourceId, ComplianceType',
        );
      if (typeof raw.Annotation === 'string' && raw.Annotation.length > 256)
        throw new SimError('ValidationException', `Annotation of ${id} is longer than 256 characters`);
      const attemptKey = `${accountId}|${token}|${type}|${id}`;
      const attempt = (this.attempts.get(attemptKey) ?? 0) + 1;
      this.attempts.set(attemptKey, attempt);
      if (this.failEvaluation?.(id, attempt)) {
        failed.push(raw);
        continue;
      }
      if (testMode) continue;
      this.received++;
      m.set(`${type}|${id}`, {
        resourceType: type,
        resourceId: id,
        complianceType: compliance,
        ...(typeof raw.Annotation === 'string' ? { annotation: raw.Annotation } : {}),
        orderingTimestamp: typeof raw.OrderingTimestamp === 'number' ? raw.OrderingTimestamp : 0,
      });
    }
    if (!testMode) this.putCalls++;
    return json({ FailedEvaluations: failed });
  }

  complianceDetails(accountId: string, params: Record<string, unknown>): SimResponse {
    const rule = String(params['ConfigRuleName'] ?? '');
    const types = Array.isArray(params['ComplianceTypes'])
      ? (params['ComplianceTypes'] as string[])
      : undefined;
    const limit =
      typeof params['Limit'] === 'number' && params['Limit'] > 0 ? Math.min(params['Limit'], 100) : 100;
    const start = typeof params['NextToken'] === 'string' ? Number(params['NextToken']) : 0;
    const all = this.evaluations(accountId, rule).filter((e) => !types || types.includes(e.complianceType));
    const page = all.slice(start, start + limit);
    return json({
      EvaluationResults: page.map((e) => ({
        EvaluationResultIdentifier: {
          EvaluationResultQualifier: {
            ConfigRuleName: rule,
            ResourceType: e.resourceType,
            ResourceId: e.resourceId,
          },
          OrderingTimestamp: e.orderingTimestamp,
        },
        ComplianceType: e.complianceType,
        ResultRecordedTime: e.orderingTimestamp,
        ConfigRuleInvokedTime: e.orderingTimestamp,
        ...(e.annotation ? { Annotation: e.annotation } : {}),
      })),
      ...(start + limit < all.length ? { NextToken: String(start + limit) } : {}),
    });
  }
}
