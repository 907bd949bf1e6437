import type { JsonObject } from '../core/finding';

/** What a consumer does with a key: each maps a seed scenario onto KMS actions and context. */
export type Purpose = 'launch' | 'imagebuilder-service' | 'imagebuilder-target';

export const PURPOSE_NAMES: readonly Purpose[] = ['launch', 'imagebuilder-service', 'imagebuilder-target'];

export interface PurposeSpec {
  readonly purpose: Purpose;
  readonly description: string;
  /** The KMS actions the purpose needs on the key, exactly. */
  readonly actions: readonly string[];
  /** The service EBS acts through: `kms:ViaService` is `ec2.<key region>.amazonaws.com`. */
  readonly viaServicePrefix: 'ec2';
  /** Scenario ids the purpose decides. */
  readonly scenarios: readonly string[];
  /** Where the action list comes from (facts file sections / seed articles). */
  readonly sources: readonly string[];
}

const IMAGE_BUILDER_ACTIONS = [
  'kms:Decrypt',
  'kms:Encrypt',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:DescribeKey',
  'kms:CreateGrant',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
] as const;

/** Action lists and context per purpose. Context derivation is in `purposeContext`. */
export const PURPOSES: Readonly<Record<Purpose, PurposeSpec>> = {
  launch: {
    purpose: 'launch',
    description:
      'A consumer launches an instance from an AMI whose snapshot uses this key; EBS acts via ec2.<region>.amazonaws.com and creates a grant for the volume.',
    actions: [
      'kms:Decrypt',
      'kms:DescribeKey',
      'kms:ReEncryptFrom',
      'kms:GenerateDataKeyWithoutPlaintext',
      'kms:CreateGrant',
    ],
    viaServicePrefix: 'ec2',
    scenarios: ['L1', 'L2', 'L3'],
    sources: ['facts §1.8 (KC-A, EBS-req, EBS-share, EC2-amienc)', 'SCENARIOS.md L1–L3', 'seed 000'],
  },
  'imagebuilder-service': {
    purpose: 'imagebuilder-service',
    description:
      "Image Builder's service-linked role AWSServiceRoleForImageBuilder in the key's account uses the key (launchPermission distributions).",
    actions: IMAGE_BUILDER_ACTIONS,
    viaServicePrefix: 'ec2',
    scenarios: ['D6'],
    sources: ['facts §3.4 (npm-amp, IB-manpol)', 'SCENARIOS.md D6', 'seed 004 (launchPermissions)'],
  },
  'imagebuilder-target': {
    purpose: 'imagebuilder-target',
    description:
      "The destination account's EC2ImageBuilderDistributionCrossAccountRole copies the AMI (targetAccountIds distributions).",
    actions: IMAGE_BUILDER_ACTIONS,
    viaServicePrefix: 'ec2',
    scenarios: ['D11', 'D12'],
    sources: ['facts §3.2, §1.9 (IB-xacct, KC-B)', 'SCENARIOS.md D11, D12', 'seed 004 (targetAccountIds)'],
  },
};

/** The Image Builder service-linked role's ARN in `accountId`. */
export function imageBuilderServiceRoleArn(accountId: string, partition = 'aws'): string {
  return `arn:${partition}:iam::${accountId}:role/aws-service-role/imagebuilder.amazonaws.com/AWSServiceRoleForImageBuilder`;
}

/** The destination account's Image Builder cross-account distribution role ARN. */
export function imageBuilderTargetRoleArn(accountId: string, partition = 'aws'): string {
  return `arn:${partition}:iam::${accountId}:role/EC2ImageBuilderDistributionCrossAccountRole`;
}

/**
 * The KMS and STS statements of the `AWSServiceRoleForImageBuilder` managed policy (default
 * version v28, facts §3.4), embedded as data: the SLR's identity side.
 */
export const IMAGE_BUILDER_SLR_POLICY: JsonObject = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: [
        'kms:Encrypt',
        'kms:Decrypt',
        'kms:ReEncryptFrom',
        'kms:ReEncryptTo',
        'kms:GenerateDataKeyWithoutPlaintext',
      ],
      Resource: '*',
      Condition: {
        'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['aws:ebs:id'] },
        StringLike: { 'kms:ViaService': ['ec2.*.amazonaws.com'] },
      },
    },
    {
      Effect: 'Allow',
      Action: ['kms:DescribeKey'],
      Resource: '*',
      Condition: { StringLike: { 'kms:ViaService': ['ec2.*.amazonaws.com'] } },
    },
    {
      Effect: 'Allow',
      Action: 'kms:CreateGrant',
      Resource: '*',
      Condition: {
        Bool: { 'kms:GrantIsForAWSResource': true },
        StringLike: { 'kms:ViaService': ['ec2.*.amazonaws.com'] },
      },
    },
    {
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Resource: 'arn:aws:iam::*:role/EC2ImageBuilderDistributionCrossAccountRole',
    },
  ],
};
