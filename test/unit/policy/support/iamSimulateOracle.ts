import { runSimulation } from '@cloud-copilot/iam-simulate';
import type { JsonObject } from '../../../../rules/core/finding';
import type { Decision } from '../../../../rules/policy';

/** The oracle's view of one question (iam-simulate does not derive context keys: we pass them). */
export interface OracleQuestion {
  readonly keyArn: string;
  readonly keyAccountId: string;
  readonly principalArn: string;
  readonly action: string;
  readonly keyPolicy: JsonObject;
  readonly identityPolicies: readonly JsonObject[];
  readonly context: Readonly<Record<string, string | readonly string[]>>;
}

/** Runs iam-simulate (devDependency, test oracle only) and maps its answer onto the engine's decisions. */
export async function oracleDecision(q: OracleQuestion): Promise<Decision> {
  const result = await runSimulation(
    {
      request: {
        principal: q.principalArn,
        action: q.action,
        resource: { resource: q.keyArn, accountId: q.keyAccountId },
        contextVariables: Object.fromEntries(
          Object.entries(q.context).map(([k, v]) => [k, typeof v === 'string' ? v : [...v]]),
        ),
      },
      identityPolicies: q.identityPolicies.map((policy, i) => ({ name: `p${i}`, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: q.keyPolicy,
    },
    {},
  );
  if (result.resultType === 'error')
    throw new Error(`iam-simulate rejected the question: ${JSON.stringify(result.errors)}`);
  if (result.resultType !== 'single') throw new Error('iam-simulate returned a wildcard result');
  const overall = result.overallResult;
  if (overall === 'Allowed') return 'allowed';
  if (overall === 'ExplicitlyDenied') return 'explicitly-denied';
  return 'implicitly-denied';
}
