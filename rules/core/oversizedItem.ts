import {
  GetResourceConfigHistoryCommand,
  type ConfigServiceClient,
  type ConfigurationItem as ApiConfigurationItem,
  type ResourceType,
} from '@aws-sdk/client-config-service';
import { ConfigurationItemUnavailableError, InvalidInputError } from './errors';
import {
  configurationItemSchema,
  type ConfigurationItem,
  type ConfigurationItemSummary,
} from './configEvent';
import { invalidInputFromZod } from './zodIssues';

function iso(value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value instanceof Date ? value.toISOString() : value;
}

function parseJsonField(path: string, text: string | undefined): unknown {
  if (text === undefined || text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InvalidInputError(path, 'expected a JSON string in the GetResourceConfigHistory item', {
      cause: error,
    });
  }
}

/**
 * Converts a GetResourceConfigHistory item (API shape) to the event shape (reference §1.4):
 * `accountId`→`awsAccountId`, `arn`→`ARN`, `configurationItemMD5Hash`→`configurationStateMd5Hash`,
 * `version`→`configurationItemVersion`, `relationships[].relationshipName`→`name`, and the JSON
 * strings `configuration` and `supplementaryConfiguration` values parsed into objects.
 */
export function apiItemToEventItem(item: ApiConfigurationItem): ConfigurationItem {
  const supplementary: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item.supplementaryConfiguration ?? {})) {
    supplementary[k] = parseJsonField(`configurationItem.supplementaryConfiguration.${k}`, v);
  }
  const candidate = {
    configurationItemVersion: item.version ?? null,
    configurationItemCaptureTime: iso(item.configurationItemCaptureTime),
    configurationStateId: item.configurationStateId ?? null,
    configurationStateMd5Hash: item.configurationItemMD5Hash ?? null,
    awsAccountId: item.accountId,
    configurationItemStatus: item.configurationItemStatus,
    resourceType: item.resourceType,
    resourceId: item.resourceId,
    resourceName: item.resourceName ?? null,
    ARN: item.arn ?? null,
    awsRegion: item.awsRegion,
    availabilityZone: item.availabilityZone ?? null,
    resourceCreationTime: iso(item.resourceCreationTime) ?? null,
    tags: item.tags ?? {},
    relatedEvents: item.relatedEvents ?? [],
    relationships: (item.relationships ?? []).map((r) => ({
      resourceId: r.resourceId ?? null,
      resourceName: r.resourceName ?? null,
      resourceType: r.resourceType ?? null,
      name: r.relationshipName ?? null,
    })),
    configuration: parseJsonField('configurationItem.configuration', item.configuration),
    supplementaryConfiguration: supplementary,
  };
  const parsed = configurationItemSchema.safeParse(candidate);
  if (!parsed.success) throw invalidInputFromZod('configurationItem', parsed.error);
  return parsed.data;
}

/**
 * The full item an oversized notification summarises: GetResourceConfigHistory with
 * laterTime = capture time and limit 1, in the evaluated account (pass that account's client).
 */
export async function fetchOversizedItem(
  client: Pick<ConfigServiceClient, 'send'>,
  summary: ConfigurationItemSummary,
): Promise<ConfigurationItem> {
  let items: ApiConfigurationItem[];
  try {
    const out = await client.send(
      new GetResourceConfigHistoryCommand({
        resourceType: summary.resourceType as ResourceType,
        resourceId: summary.resourceId,
        laterTime: new Date(summary.configurationItemCaptureTime),
        limit: 1,
      }),
    );
    items = out.configurationItems ?? [];
  } catch (error) {
    throw new ConfigurationItemUnavailableError(
      summary.resourceType,
      summary.resourceId,
      `GetResourceConfigHistory failed (${(error as Error).name}: ${(error as Error).message})`,
      { cause: error },
    );
  }
  const [item] = items;
  if (!item) {
    throw new ConfigurationItemUnavailableError(
      summary.resourceType,
      summary.resourceId,
      `GetResourceConfigHistory returned no item at or before ${summary.configurationItemCaptureTime}`,
    );
  }
  return apiItemToEventItem(item);
}
