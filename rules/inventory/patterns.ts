import { z } from 'zod';

/** Formats shared by the inventory model. Each carries the message a person sees on bad input. */
export const accountIdSchema = z.string().regex(/^\d{12}$/, 'expected a 12-digit AWS account id');
export const regionSchema = z
  .string()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'expected an AWS Region name such as eu-west-1');
export const kmsKeyArnSchema = z
  .string()
  .regex(/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/, 'expected a KMS key ARN');
export const iamRoleArnSchema = z
  .string()
  .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, 'expected an IAM role ARN');
export const imageIdSchema = z.string().regex(/^ami-[0-9a-z]+$/, 'expected an AMI id (ami-…)');
export const snapshotIdSchema = z.string().regex(/^snap-[0-9a-z]+$/, 'expected a snapshot id (snap-…)');
export const arnSchema = z.string().regex(/^arn:aws[a-z-]*:[a-z0-9-]+:/, 'expected an ARN');
export const organizationIdSchema = z
  .string()
  .regex(/^o-[a-z0-9]{10,32}$/, 'expected an organization id (o-…)');
export const ouPathSchema = z
  .string()
  .regex(
    /^o-[a-z0-9]{10,32}\/r-[a-z0-9]{4,32}\/(ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}\/)*$/,
    'expected an aws:PrincipalOrgPaths path such as o-abc/r-root/ou-x/',
  );
export const isoDateTimeSchema = z.iso.datetime({ offset: true, message: 'expected an ISO 8601 date-time' });
