import { Validations } from 'aws-cdk-lib';
import type { RuleFunctions } from './RuleFunctions';

/**
 * The cdk-nag findings the rule functions raise by design, each acknowledged with its reason on
 * the construct that raises it: the shared role (and so its policy) and each function.
 */
export function suppressRuleFunctionFindings(
  functions: RuleFunctions,
  extra: readonly WildcardJustification[] = [],
): void {
  const role = Validations.of(functions.role);
  role.acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'The inventory read actions (ec2:Describe*, kms:GetKeyPolicy, imagebuilder:Get*… listed one by one, no ' +
      'action wildcard) must reach every AMI, snapshot, key and distribution the rules evaluate, which are not ' +
      'known at deploy time; config:PutEvaluations and config:GetResourceConfigHistory define no resource type in ' +
      'IAM, so "*" is the only valid resource; PutEvaluations is further bound to the invoking rule by its ResultToken.',
  });
  role.acknowledge({
    id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:config:*:<AWS::AccountId>:config-rule/*]',
    reason:
      "config:GetComplianceDetailsByConfigRule (read-only) on this account's rules: org and pack rules get " +
      'generated names (OrgConfigRule-<name>-<suffix>, <name>-conformance-pack-<suffix>) not known at deploy time.',
  });
  for (const { finding, reason } of extra) role.acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
  for (const fn of functions.functions) {
    const runtimeReason =
      'Node.js 20 is pinned once (infra/lambdaRuntime.ts) by the project so the bundle target, the tests and the ' +
      'deployed runtime agree. Lambda deprecated nodejs20.x on 2026-04-30 and blocks creating functions with it ' +
      'from 2027-02-01: bump RULE_FUNCTION_RUNTIME and RULE_FUNCTION_NODE_TARGET before then (tracked, not ignored).';
    Validations.of(fn).acknowledge({ id: 'AwsSolutions-L1', reason: runtimeReason });
    Validations.of(fn).acknowledge({ id: 'CloudFormation-Validate::W2531', reason: runtimeReason });
  }
}

/** One more IAM5 finding to acknowledge on the functions' role, e.g. `Resource::arn:…`. */
export interface WildcardJustification {
  readonly finding: string;
  readonly reason: string;
}
