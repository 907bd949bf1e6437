import type { Finding } from '../core/finding';
import { sharingDistributions } from '../imagebuilder-distribution-key-shareable/checkDistribution';
import type { Problem } from '../imagebuilder-distribution-key-shareable/problem';
import { FACT_UNREADABLE, findingFor, shortKey } from '../imagebuilder-distribution-key-shareable/problem';
import { keySubject } from '../imagebuilder-distribution-key-shareable/keyProblems';
import { keyUsable } from '../imagebuilder-distribution-key-shareable/resolveKmsKey';
import { findRegion } from '../inventory/lookup';
import type { Inventory, RegionFacts } from '../inventory/model';
import type { EvaluationScope } from '../kit/inventoryRule';
import { ebsDefaultKey } from './ebsDefaultKey';
import type { EbsDefaultKeyShareableParams } from './metadata';
import { metadata } from './metadata';

const ACCOUNT = 'AWS::::Account';
const NO_OPTIONS = { ignoredTargetAccountIds: [], excludedKeys: [] };

/** Why the account's default key matters: it shares AMIs or runs cross-account pipelines (or unknown). */
function sharingActivity(
  region: RegionFacts,
  accountId: string,
): { shares: boolean; unknown: string[]; what: string[] } {
  const unknown: string[] = [];
  const what: string[] = [];
  if (region.images.status === 'unknown') unknown.push(`AMIs (${region.images.reason.code})`);
  else {
    for (const image of region.images.value) {
      if (image.public) what.push(`${image.imageId} is public`);
      else if (image.launchPermissions.status === 'unknown')
        unknown.push(`launch permissions of ${image.imageId}`);
      else if (image.launchPermissions.value.length > 0) what.push(`${image.imageId} is shared`);
    }
  }
  if (region.imageBuilder.status === 'unknown')
    unknown.push(`Image Builder (${region.imageBuilder.reason.code})`);
  else {
    const ib = region.imageBuilder.value;
    for (const p of ib.imagePipelines) {
      const dc = ib.distributionConfigurations.find((d) => d.arn === p.distributionConfigurationArn);
      if (p.imageRecipeArn && dc && sharingDistributions(dc, accountId, NO_OPTIONS).length > 0) {
        what.push(`pipeline ${p.name} distributes to other accounts`);
      }
    }
  }
  return { shares: what.length > 0, unknown, what };
}

/** One AWS::::Account finding for the evaluated account and Region. Pure. */
export function evaluateEbsDefaultKeyShareable(
  inventory: Inventory,
  params: EbsDefaultKeyShareableParams,
  scope: EvaluationScope,
): Finding[] {
  const resource = {
    resourceType: ACCOUNT,
    resourceId: scope.accountId,
    accountId: scope.accountId,
    region: scope.region,
  };
  const subject = { ...resource };
  const region = findRegion(inventory, scope.accountId, scope.region);
  const unreadable = (message: string): Finding[] => [
    findingFor(metadata.id, resource, [{ code: FACT_UNREADABLE, message, scenarios: [], subject }]),
  ];
  if (!region) return unreadable(`${scope.accountId} ${scope.region} was not read.`);
  const d = ebsDefaultKey(inventory, scope.accountId, scope.region);
  if (d.kind === 'unreadable')
    return unreadable(`The EBS default key of ${scope.region} could not be read: ${d.why}.`);
  if (!d.enabledByDefault) {
    return [
      findingFor(metadata.id, resource, [], {
        code: 'ENCRYPTION_BY_DEFAULT_OFF',
        message: `EBS encryption by default is off in ${scope.region}: new volumes do not fall back on the default key.`,
      }),
    ];
  }
  const activity = sharingActivity(region, scope.accountId);
  if (!params.JudgeAllAccounts && !activity.shares) {
    if (activity.unknown.length > 0) {
      return unreadable(
        `Whether ${scope.accountId} shares AMIs in ${scope.region} could not be read: ${activity.unknown.join(', ')}.`,
      );
    }
    return [
      findingFor(metadata.id, resource, [], {
        code: 'NOT_SHARING',
        message: `${scope.accountId} shares no AMI and runs no cross-account pipeline in ${scope.region} (set JudgeAllAccounts to judge it).`,
      }),
    ];
  }
  const why = activity.what[0] ? ` (${activity.what[0]})` : '';
  const fix = {
    summary: `Make a customer managed key, shared with the accounts you distribute to, the EBS default key of ${scope.region}.`,
    steps: [
      `Create (or pick) a customer managed key in ${scope.region} whose policy admits the consumer accounts.`,
      `aws ec2 modify-ebs-default-kms-key-id --kms-key-id <key ARN> --region ${scope.region}`,
    ],
  };
  const problems: Problem[] = [];
  if (d.kind === 'aws-managed') {
    problems.push({
      code: 'DEFAULT_EBS_KEY_IS_AWS_MANAGED',
      message: `EBS encryption by default in ${scope.region} uses the AWS managed key (${d.ref}): images built here cannot be shared${why}.`,
      scenarios: ['D5'],
      subject,
      fix,
    });
  } else if (d.kind === 'missing') {
    problems.push({
      code: 'KEY_NOT_FOUND',
      message: `The EBS default key ${shortKey(d.ref)} of ${scope.region} does not exist: ${d.why}.`,
      scenarios: ['G2'],
      subject,
      fix,
    });
  } else if (!keyUsable(d.key)) {
    problems.push({
      code: 'KEY_NOT_USABLE',
      message: `The EBS default key ${shortKey(d.key.arn)} of ${scope.region} is ${d.key.keyState}: new volumes cannot be created.`,
      scenarios: ['G2'],
      subject: keySubject(d.key),
      fix: { ...fix, keyArn: d.key.arn },
    });
  }
  return [
    findingFor(metadata.id, resource, problems, {
      code: 'DEFAULT_KEY_CUSTOMER_MANAGED',
      message: `EBS encryption by default in ${scope.region} uses a customer managed key${d.kind === 'customer' ? ` (${shortKey(d.key.arn)})` : ''}.`,
    }),
  ];
}
