import { describe, expect, it } from 'vitest';
import { InvalidInputError, parseConfigRuleEvent } from '../../../rules/core';
import { changeEvent, oversizedEvent, scheduledEvent, snapshotDeliveryEvent } from '../../fixtures/events';

function errorOf(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
}

describe('parseConfigRuleEvent', () => {
  it('parses a change notification: the configuration item and the rule parameters', () => {
    // Prepare
    const raw = changeEvent({
      ci: { resourceId: 'key-1', configuration: { keyState: 'Enabled' } },
      ruleParameters: { Threshold: '7' },
    });
    // Act
    const event = parseConfigRuleEvent(raw);
    // Assess
    expect(event.invokingEvent.messageType).toBe('ConfigurationItemChangeNotification');
    if (event.invokingEvent.messageType !== 'ConfigurationItemChangeNotification') return;
    expect(event.invokingEvent.configurationItem.resourceId).toBe('key-1');
    expect(event.invokingEvent.configurationItem.configuration).toEqual({ keyState: 'Enabled' });
    expect(event.ruleParameters).toEqual({ Threshold: '7' });
    expect(event.accountId).toBe('111111111111');
  });

  it('parses an oversized notification: the summary, without configuration', () => {
    const event = parseConfigRuleEvent(oversizedEvent({ ci: { resourceId: 'key-2' } }));
    expect(event.invokingEvent.messageType).toBe('OversizedConfigurationItemChangeNotification');
    if (event.invokingEvent.messageType !== 'OversizedConfigurationItemChangeNotification') return;
    expect(event.invokingEvent.configurationItemSummary.resourceId).toBe('key-2');
    expect(event.invokingEvent.configurationItemSummary).not.toHaveProperty('configuration');
  });

  it.each([
    ['ScheduledNotification', scheduledEvent({ notificationCreationTime: '2026-11-23T11:00:00.000Z' })],
    [
      'ConfigurationSnapshotDeliveryCompleted',
      snapshotDeliveryEvent({ notificationCreationTime: '2026-11-23T11:00:00.000Z' }),
    ],
  ])('parses a %s with its notificationCreationTime', (type, raw) => {
    const event = parseConfigRuleEvent(raw);
    expect(event.invokingEvent.messageType).toBe(type);
    expect(event.invokingEvent.notificationCreationTime).toBe('2026-11-23T11:00:00.000Z');
  });

  it('treats a missing ruleParameters as no parameters', () => {
    const raw = scheduledEvent();
    expect(raw).not.toHaveProperty('ruleParameters');
    expect(parseConfigRuleEvent(raw).ruleParameters).toEqual({});
  });

  it.each<[string, unknown, string, RegExp]>([
    ['the event is not an object', 'hello', 'event', /expected a JSON object/],
    [
      'invokingEvent is not JSON',
      { ...scheduledEvent(), invokingEvent: '{not json' },
      'invokingEvent',
      /expected a JSON string/,
    ],
    [
      'the messageType is unknown',
      {
        ...scheduledEvent(),
        invokingEvent: JSON.stringify({ messageType: 'Nope', notificationCreationTime: 'x' }),
      },
      'invokingEvent.messageType',
      /expected one of ConfigurationItemChangeNotification.*got "Nope"/,
    ],
    [
      'the messageType is missing',
      { ...scheduledEvent(), invokingEvent: JSON.stringify({ notificationCreationTime: 'x' }) },
      'invokingEvent.messageType',
      /got nothing/,
    ],
    [
      'resultToken is missing',
      { ...scheduledEvent(), resultToken: undefined },
      'resultToken',
      /expected string/,
    ],
    ['accountId is not 12 digits', { ...scheduledEvent(), accountId: '1234' }, 'accountId', /12-digit/],
    [
      'ruleParameters is not JSON',
      { ...scheduledEvent(), ruleParameters: '{"a":' },
      'ruleParameters',
      /expected a JSON string/,
    ],
    [
      'ruleParameters is an array',
      { ...scheduledEvent(), ruleParameters: '[1]' },
      'ruleParameters',
      /JSON object/,
    ],
    [
      'the configuration item lacks its resourceId',
      (() => {
        const e = changeEvent();
        const inv = JSON.parse(e.invokingEvent) as { configurationItem: Record<string, unknown> };
        delete inv.configurationItem['resourceId'];
        return { ...e, invokingEvent: JSON.stringify(inv) };
      })(),
      'invokingEvent.configurationItem.resourceId',
      /expected string/,
    ],
    [
      'the notification time is not a timestamp',
      scheduledEvent({ notificationCreationTime: 'yesterday' }),
      'invokingEvent.notificationCreationTime',
      /expected an ISO 8601 timestamp/,
    ],
    [
      'the capture time is not a timestamp',
      changeEvent({ ci: { configurationItemCaptureTime: '23/11/2026' } }),
      'invokingEvent.configurationItem.configurationItemCaptureTime',
      /expected an ISO 8601 timestamp/,
    ],
    [
      'the configuration item status is unknown',
      changeEvent({ ci: { configurationItemStatus: 'Gone' as 'OK' } }),
      'invokingEvent.configurationItem.configurationItemStatus',
      /expected one of/,
    ],
  ])('fails naming the field when %s', (_case, raw, path, message) => {
    const error = errorOf(() => parseConfigRuleEvent(raw));
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
  });
});
