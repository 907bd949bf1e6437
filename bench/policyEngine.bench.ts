/**
 * Policy-engine benchmark: decisions per second on a 20-statement key policy, and the ratio to
 * iam-simulate (devDependency, never shipped) on the same questions in the same run.
 * Run: `npx tsx bench/policyEngine.bench.ts [--quick]` (prints JSON).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import type { JsonObject } from '../rules/core/finding';
import type { ContextInput } from '../rules/policy';
import { evaluateKmsRequest, parsePolicyDocument, parsePrincipalRef, requestContext } from '../rules/policy';

const KEY_ACCOUNT = '111122223333';
const KEY_ARN = `arn:aws:kms:us-east-1:${KEY_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/** A realistic 20-statement key policy: admins, users, per-account shares, org and EBS-style conditions, a Deny. */
export function twentyStatementKeyPolicy(): JsonObject {
  const statements: JsonObject[] = [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${KEY_ACCOUNT}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'Admins',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${KEY_ACCOUNT}:role/KeyAdmin` },
      Action: [
        'kms:Create*',
        'kms:Describe*',
        'kms:Enable*',
        'kms:List*',
        'kms:Put*',
        'kms:Update*',
        'kms:Revoke*',
        'kms:Disable*',
        'kms:Get*',
        'kms:Delete*',
        'kms:ScheduleKeyDeletion',
        'kms:CancelKeyDeletion',
      ],
      Resource: '*',
    },
  ];
  for (let i = 0; i < 12; i += 1) {
    const account = String(200000000000 + i * 1111);
    statements.push({
      Sid: `Share${i}`,
      Effect: 'Allow',
      Principal: { AWS: [`arn:aws:iam::${account}:root`, `arn:aws:iam::${account}:role/Launch${i}`] },
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
      Resource: '*',
      ...(i % 3 === 0 ? { Condition: { StringLike: { 'kms:ViaService': 'ec2.*.amazonaws.com' } } } : {}),
    });
  }
  statements.push(
    {
      Sid: 'Attach',
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::444455556666:root', 'arn:aws:iam::200000000000:root'] },
      Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
      Resource: '*',
      Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
    },
    {
      Sid: 'Org',
      Effect: 'Allow',
      Principal: '*',
      Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abcdefghij' } },
    },
    {
      Sid: 'OrgPaths',
      Effect: 'Allow',
      Principal: '*',
      Action: 'kms:CreateGrant',
      Resource: '*',
      Condition: {
        'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-abcdefghij/r-ab12/ou-ab12-11111111/*' },
        Bool: { 'kms:GrantIsForAWSResource': 'true' },
      },
    },
    {
      Sid: 'CallerAccount',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: [
        'kms:Encrypt',
        'kms:Decrypt',
        'kms:ReEncrypt*',
        'kms:GenerateDataKey*',
        'kms:CreateGrant',
        'kms:DescribeKey',
      ],
      Resource: '*',
      Condition: {
        StringEquals: {
          'kms:CallerAccount': '555566667777',
          'kms:ViaService': 'ec2.us-east-1.amazonaws.com',
        },
      },
    },
    {
      Sid: 'ImageBuilder',
      Effect: 'Allow',
      Principal: {
        AWS: `arn:aws:iam::${KEY_ACCOUNT}:role/aws-service-role/imagebuilder.amazonaws.com/AWSServiceRoleForImageBuilder`,
      },
      Action: [
        'kms:Decrypt',
        'kms:Encrypt',
        'kms:GenerateDataKeyWithoutPlaintext',
        'kms:DescribeKey',
        'kms:CreateGrant',
        'kms:ReEncryptFrom',
        'kms:ReEncryptTo',
      ],
      Resource: '*',
    },
    {
      Sid: 'DenyOutsideEbs',
      Effect: 'Deny',
      Principal: '*',
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: {
        StringNotLike: { 'kms:ViaService': ['ec2.*.amazonaws.com', 's3.*.amazonaws.com'] },
        StringEquals: { 'aws:PrincipalAccount': '999988887777' },
      },
    },
  );
  return { Version: '2012-10-17', Statement: statements };
}

const IDENTITY: JsonObject = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
      Resource: KEY_ARN,
    },
    {
      Effect: 'Allow',
      Action: 'kms:CreateGrant',
      Resource: KEY_ARN,
      Condition: { Bool: { 'kms:GrantIsForAWSResource': true } },
    },
    { Effect: 'Deny', Action: 'kms:ScheduleKeyDeletion', Resource: '*' },
  ],
};

interface BenchQuestion {
  readonly principalArn: string;
  readonly action: string;
  readonly context: Record<string, string | string[]>;
}

function questions(): BenchQuestion[] {
  const principals = [
    'arn:aws:iam::444455556666:role/LaunchRole',
    'arn:aws:iam::200000003333:role/Launch3',
    'arn:aws:iam::555566667777:role/App',
    `arn:aws:iam::${KEY_ACCOUNT}:role/KeyUser`,
  ];
  const actions = [
    'kms:Decrypt',
    'kms:DescribeKey',
    'kms:ReEncryptFrom',
    'kms:GenerateDataKeyWithoutPlaintext',
    'kms:CreateGrant',
  ];
  const out: BenchQuestion[] = [];
  for (const principalArn of principals) {
    const account = principalArn.split(':')[4] as string;
    for (const action of actions) {
      out.push({
        principalArn,
        action,
        context: {
          'aws:PrincipalAccount': account,
          'kms:CallerAccount': account,
          'aws:PrincipalArn': principalArn,
          'kms:ViaService': 'ec2.us-east-1.amazonaws.com',
          'aws:PrincipalOrgID': 'o-abcdefghij',
          ...(action === 'kms:CreateGrant'
            ? { 'kms:GrantIsForAWSResource': 'true' }
            : { 'kms:EncryptionContextKeys': ['aws:ebs:id'] }),
        },
      });
    }
  }
  return out;
}

export interface PolicyEngineBenchResult {
  readonly decisionsPerSecond: number;
  readonly oracleDecisionsPerSecond: number;
  /** decisionsPerSecond / oracleDecisionsPerSecond. */
  readonly ratio: number;
  readonly statements: number;
  readonly engineDecisions: number;
  readonly oracleDecisions: number;
  /** Questions on which the engine and iam-simulate disagreed (should be 0). */
  readonly disagreements: number;
}

/** Runs the benchmark (single thread). `quick` shortens both loops for CI smoke runs. */
export async function runPolicyEngineBench(
  options: { quick?: boolean } = {},
): Promise<PolicyEngineBenchResult> {
  const policyJson = twentyStatementKeyPolicy();
  const keyPolicy = parsePolicyDocument(policyJson, 'key');
  const identity = [parsePolicyDocument(IDENTITY, 'identity')];
  const qs = questions();
  const prepared = qs.map((q) => ({
    principal: parsePrincipalRef(q.principalArn),
    action: q.action,
    context: requestContext(q.context as ContextInput, { closedWorld: true }),
  }));
  const ask = (i: number) => {
    const p = prepared[i % prepared.length] as (typeof prepared)[number];
    return evaluateKmsRequest({
      keyArn: KEY_ARN,
      keyAccountId: KEY_ACCOUNT,
      keyPolicy,
      principal: p.principal,
      action: p.action,
      context: p.context,
      identityPolicies: identity,
    });
  };
  const engineDecisions = options.quick ? 20_000 : 300_000;
  for (let i = 0; i < 2_000; i += 1) ask(i); // warm-up
  let started = performance.now();
  for (let i = 0; i < engineDecisions; i += 1) ask(i);
  const engineSeconds = (performance.now() - started) / 1000;

  const oracle = async (q: BenchQuestion) => {
    const r = await runSimulation(
      {
        request: {
          principal: q.principalArn,
          action: q.action,
          resource: { resource: KEY_ARN, accountId: KEY_ACCOUNT },
          contextVariables: q.context,
        },
        identityPolicies: [{ name: 'identity', policy: IDENTITY }],
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy: policyJson,
      },
      {},
    );
    return r.resultType === 'error' ? 'error' : r.resultType === 'single' ? r.overallResult : 'wildcard';
  };
  const toOracle = {
    allowed: 'Allowed',
    'explicitly-denied': 'ExplicitlyDenied',
    'implicitly-denied': 'ImplicitlyDenied',
    conditional: 'conditional',
  } as const;
  let disagreements = 0;
  for (let i = 0; i < qs.length; i += 1) {
    if ((await oracle(qs[i] as BenchQuestion)) !== toOracle[ask(i).decision]) disagreements += 1;
  }
  const oracleDecisions = options.quick ? 200 : 2_000;
  started = performance.now();
  for (let i = 0; i < oracleDecisions; i += 1) await oracle(qs[i % qs.length] as BenchQuestion);
  const oracleSeconds = (performance.now() - started) / 1000;
  const decisionsPerSecond = Math.round(engineDecisions / engineSeconds);
  const oracleDecisionsPerSecond = Math.round(oracleDecisions / oracleSeconds);
  return {
    decisionsPerSecond,
    oracleDecisionsPerSecond,
    ratio: Number((decisionsPerSecond / oracleDecisionsPerSecond).toFixed(1)),
    statements: keyPolicy.statements.length,
    engineDecisions,
    oracleDecisions,
    disagreements,
  };
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  runPolicyEngineBench({ quick: process.argv.includes('--quick') }).then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
