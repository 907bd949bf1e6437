import { z } from 'zod';

/** The four `invokingEvent.messageType` values (reference §1.2). */
export const MESSAGE_TYPES = [
  'ConfigurationItemChangeNotification',
  'OversizedConfigurationItemChangeNotification',
  'ScheduledNotification',
  'ConfigurationSnapshotDeliveryCompleted',
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export const CONFIGURATION_ITEM_STATUSES = [
  'OK',
  'ResourceDiscovered',
  'ResourceNotRecorded',
  'ResourceDeleted',
  'ResourceDeletedNotRecorded',
] as const;
export type ConfigurationItemStatus = (typeof CONFIGURATION_ITEM_STATUSES)[number];

const nullableString = z.string().nullish();
/** An ISO 8601 timestamp (ordering timestamps are built from these). */
const timestamp = z
  .string()
  .min(1)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 timestamp');

export const relationshipSchema = z.looseObject({
  resourceId: nullableString,
  resourceName: nullableString,
  resourceType: nullableString,
  name: nullableString,
});

/**
 * A configuration item in the EVENT shape (reference §1.4, §2): `awsAccountId`, `ARN`,
 * `relationships[].name`, `configuration` an object. Unknown fields are kept.
 */
export const configurationItemSchema = z.looseObject({
  configurationItemCaptureTime: timestamp,
  configurationItemStatus: z.enum(CONFIGURATION_ITEM_STATUSES),
  resourceType: z.string().min(1),
  resourceId: z.string().min(1),
  awsAccountId: z.string().regex(/^\d{12}$/, 'expected a 12-digit account id'),
  awsRegion: z.string().min(1),
  configurationItemVersion: nullableString,
  configurationStateId: z.union([z.number(), z.string()]).nullish(),
  configurationStateMd5Hash: nullableString,
  resourceName: nullableString,
  ARN: nullableString,
  availabilityZone: nullableString,
  resourceCreationTime: nullableString,
  tags: z.record(z.string(), z.string()).nullish(),
  relatedEvents: z.array(z.unknown()).nullish(),
  relationships: z.array(relationshipSchema).nullish(),
  configuration: z.unknown(),
  supplementaryConfiguration: z.record(z.string(), z.unknown()).nullish(),
});
export type ConfigurationItem = z.infer<typeof configurationItemSchema>;

export const configurationItemSummarySchema = z.looseObject({
  configurationItemCaptureTime: timestamp,
  configurationItemStatus: z.enum(CONFIGURATION_ITEM_STATUSES),
  resourceType: z.string().min(1),
  resourceId: z.string().min(1),
  awsAccountId: z.string().regex(/^\d{12}$/, 'expected a 12-digit account id'),
  awsRegion: z.string().min(1),
  changeType: nullableString,
  configurationItemVersion: nullableString,
  configurationStateId: z.union([z.number(), z.string()]).nullish(),
  configurationStateMd5Hash: nullableString,
  resourceName: nullableString,
  ARN: nullableString,
  availabilityZone: nullableString,
  resourceCreationTime: nullableString,
});
export type ConfigurationItemSummary = z.infer<typeof configurationItemSummarySchema>;

export const changeNotificationSchema = z.looseObject({
  messageType: z.literal('ConfigurationItemChangeNotification'),
  configurationItem: configurationItemSchema,
  notificationCreationTime: nullableString,
  recordVersion: nullableString,
});

export const oversizedNotificationSchema = z.looseObject({
  messageType: z.literal('OversizedConfigurationItemChangeNotification'),
  configurationItemSummary: configurationItemSummarySchema,
  notificationCreationTime: timestamp,
  recordVersion: nullableString,
});

export const scheduledNotificationSchema = z.looseObject({
  messageType: z.literal('ScheduledNotification'),
  awsAccountId: z
    .string()
    .regex(/^\d{12}$/, 'expected a 12-digit account id')
    .nullish(),
  notificationCreationTime: timestamp,
  recordVersion: nullableString,
});

export const snapshotDeliveryNotificationSchema = z.looseObject({
  messageType: z.literal('ConfigurationSnapshotDeliveryCompleted'),
  configSnapshotId: nullableString,
  s3ObjectKey: nullableString,
  s3Bucket: nullableString,
  notificationCreationTime: timestamp,
  recordVersion: nullableString,
});

export const invokingEventSchema = z.discriminatedUnion('messageType', [
  changeNotificationSchema,
  oversizedNotificationSchema,
  scheduledNotificationSchema,
  snapshotDeliveryNotificationSchema,
]);
export type InvokingEvent = z.infer<typeof invokingEventSchema>;

/** The Lambda event's envelope (reference §1.1) before its JSON strings are parsed. */
export const rawConfigRuleEventSchema = z.looseObject({
  invokingEvent: z.string().min(1),
  ruleParameters: z.string().nullish(),
  resultToken: z.string().min(1),
  eventLeftScope: z.boolean().nullish(),
  executionRoleArn: nullableString,
  configRuleArn: nullableString,
  configRuleName: z.string().min(1),
  configRuleId: nullableString,
  accountId: z.string().regex(/^\d{12}$/, 'expected a 12-digit account id'),
  version: nullableString,
});
export type RawConfigRuleEvent = z.infer<typeof rawConfigRuleEventSchema>;

/** The event with `invokingEvent` and `ruleParameters` parsed. */
export interface ConfigRuleEvent {
  readonly invokingEvent: InvokingEvent;
  /** Raw string values as Config passes them; `{}` when the event has none. */
  readonly ruleParameters: Readonly<Record<string, unknown>>;
  readonly resultToken: string;
  readonly eventLeftScope: boolean;
  readonly executionRoleArn?: string;
  readonly configRuleArn?: string;
  readonly configRuleName: string;
  readonly configRuleId?: string;
  readonly accountId: string;
  readonly version?: string;
}
