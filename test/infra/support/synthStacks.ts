import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { RegisteredRule } from '../../../rules/index';
import {
  AmiShareGuardAccountStack,
  type AmiShareGuardAccountStackProps,
} from '../../../infra/AmiShareGuardAccountStack';
import {
  AmiShareGuardOrganizationStack,
  type AmiShareGuardOrganizationStackProps,
} from '../../../infra/AmiShareGuardOrganizationStack';
import { fixtureHandlerEntry, fixtureRules } from '../fixtures';

export const TEST_ENV = { account: '111122223333', region: 'eu-west-1' } as const;

export interface Synthesized<S extends Stack> {
  readonly stack: S;
  readonly template: Template;
  /** The raw template JSON. */
  readonly json: Record<string, unknown>;
}

/**
 * A test App. Bundling the functions (esbuild through the CDK) costs about a second per function,
 * so only the synths that prove bundling run it (`bundle: true`); the others skip it with the
 * CDK's own `aws:cdk:bundling-stacks` context (the template is the same but for the asset hash).
 */
function testApp(bundle: boolean): App {
  return new App(bundle ? {} : { context: { 'aws:cdk:bundling-stacks': [] } });
}

function synth<S extends Stack>(stack: S): Synthesized<S> {
  const template = Template.fromStack(stack);
  return { stack, template, json: template.toJSON() as Record<string, unknown> };
}

/** Single-account mode over the fixture rules (or the given ones). */
export function synthAccount(
  rules: readonly RegisteredRule[] = fixtureRules,
  props: Partial<AmiShareGuardAccountStackProps> = {},
  { bundle = false }: { bundle?: boolean } = {},
): Synthesized<AmiShareGuardAccountStack> {
  const app = testApp(bundle);
  return synth(
    new AmiShareGuardAccountStack(app, 'Account', {
      env: TEST_ENV,
      rules,
      handlerEntry: fixtureHandlerEntry,
      ...props,
    }),
  );
}

/** Organization mode over the fixture rules (or the given ones). */
export function synthOrganization(
  props: Partial<AmiShareGuardOrganizationStackProps> = {},
  rules: readonly RegisteredRule[] = fixtureRules,
  { bundle = false }: { bundle?: boolean } = {},
): Synthesized<AmiShareGuardOrganizationStack> {
  const app = testApp(bundle);
  return synth(
    new AmiShareGuardOrganizationStack(app, 'Organization', {
      env: TEST_ENV,
      rules,
      handlerEntry: fixtureHandlerEntry,
      ...props,
    }),
  );
}

/** The resources of one CloudFormation type in a template, by logical id. */
export function resourcesOfType(
  json: Record<string, unknown>,
  type: string,
): Record<string, { Properties?: Record<string, unknown>; DependsOn?: string[] }> {
  const resources = (json.Resources ?? {}) as Record<
    string,
    { Type: string; Properties?: Record<string, unknown> }
  >;
  return Object.fromEntries(Object.entries(resources).filter(([, r]) => r.Type === type));
}
