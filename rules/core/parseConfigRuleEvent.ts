import { InvalidInputError } from './errors';
import {
  MESSAGE_TYPES,
  invokingEventSchema,
  rawConfigRuleEventSchema,
  type ConfigRuleEvent,
} from './configEvent';
import { invalidInputFromZod } from './zodIssues';

function parseJsonString(path: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InvalidInputError(
      path,
      `expected a JSON string, got text that does not parse (${(error as Error).message})`,
      {
        cause: error,
      },
    );
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates the Lambda event Config sends (reference §1.1) and parses its JSON strings:
 * `invokingEvent` (one of the four message types) and the optional `ruleParameters`.
 * Every failure is an {@link InvalidInputError} whose path names the field.
 */
export function parseConfigRuleEvent(raw: unknown): ConfigRuleEvent {
  if (!isRecord(raw))
    throw new InvalidInputError('event', 'expected a JSON object (the AWS Config rule event)');
  const envelope = rawConfigRuleEventSchema.safeParse(raw);
  if (!envelope.success) throw invalidInputFromZod('', envelope.error);
  const e = envelope.data;

  const invoking = parseJsonString('invokingEvent', e.invokingEvent);
  if (!isRecord(invoking)) throw new InvalidInputError('invokingEvent', 'expected a JSON object');
  const messageType = invoking['messageType'];
  if (typeof messageType !== 'string' || !(MESSAGE_TYPES as readonly string[]).includes(messageType)) {
    throw new InvalidInputError(
      'invokingEvent.messageType',
      `expected one of ${MESSAGE_TYPES.join(', ')}, got ${JSON.stringify(messageType) ?? 'nothing'}`,
    );
  }
  const parsedInvoking = invokingEventSchema.safeParse(invoking);
  if (!parsedInvoking.success) throw invalidInputFromZod('invokingEvent', parsedInvoking.error);

  let ruleParameters: Record<string, unknown> = {};
  if (e.ruleParameters !== undefined && e.ruleParameters !== null && e.ruleParameters.trim() !== '') {
    const params = parseJsonString('ruleParameters', e.ruleParameters);
    if (!isRecord(params))
      throw new InvalidInputError('ruleParameters', 'expected a JSON object of parameters');
    ruleParameters = params;
  }

  return {
    invokingEvent: parsedInvoking.data,
    ruleParameters,
    resultToken: e.resultToken,
    eventLeftScope: e.eventLeftScope ?? false,
    ...(e.executionRoleArn ? { executionRoleArn: e.executionRoleArn } : {}),
    ...(e.configRuleArn ? { configRuleArn: e.configRuleArn } : {}),
    configRuleName: e.configRuleName,
    ...(e.configRuleId ? { configRuleId: e.configRuleId } : {}),
    accountId: e.accountId,
    ...(e.version ? { version: e.version } : {}),
  };
}
