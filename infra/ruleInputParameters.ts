import { InvalidInputError } from '../rules/core/errors';
import type { RuleMetadata, RuleParameterSpec } from '../rules/core/ruleMetadata';

/** Per-rule parameter values that override the metadata defaults: `{ "<rule-id>": { "<name>": "value" } }`. */
export type RuleParameterOverrides = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** The parameter the rule runtime reads to assume a role in the evaluated account (organization mode). */
export const EXECUTION_ROLE_PARAMETER = 'ExecutionRoleName';

/**
 * Parameters the rule runtime itself reads (rules/core), so any rule accepts them though its
 * metadata does not declare them: `SecurityHubImport` ("true"/"false") sends the run's findings
 * to Security Hub (outputs/securityhub).
 */
export const RUNTIME_PARAMETERS: Readonly<Record<string, RegExp>> = { SecurityHubImport: /^(true|false)$/ };

/** Config's limits on a rule's InputParameters JSON string. */
export const ACCOUNT_RULE_INPUT_PARAMETERS_MAX = 1024;
export const ORGANIZATION_RULE_INPUT_PARAMETERS_MAX = 2048;

/**
 * The InputParameters of one rule: metadata defaults, then overrides. Throws when a required
 * parameter has no value or an override names a parameter the rule does not declare.
 *
 * `ExecutionRoleName` is never taken from here: it is the deployment's choice (organization mode
 * sets it for every rule from one setting; single-account mode must not set it), so a rule's
 * own spec for it is skipped and an override of it is refused.
 */
export function ruleInputParameters(
  metadata: RuleMetadata<unknown>,
  overrides: RuleParameterOverrides = {},
): Record<string, string> {
  const given = overrides[metadata.id] ?? {};
  const declared = new Set(metadata.parameters.map((p) => p.name));
  for (const name of Object.keys(given)) {
    if (name === EXECUTION_ROLE_PARAMETER) {
      throw new InvalidInputError(
        `ruleParameters.${metadata.id}.${name}`,
        'is set by the deployment mode: use the executionRoleName context (organization mode) instead',
      );
    }
    const runtime = RUNTIME_PARAMETERS[name];
    if (runtime && !declared.has(name)) {
      if (!runtime.test(given[name] ?? '')) {
        throw new InvalidInputError(
          `ruleParameters.${metadata.id}.${name}`,
          `expected "true" or "false", got ${JSON.stringify(given[name])}`,
        );
      }
      continue;
    }
    if (!declared.has(name)) {
      throw new InvalidInputError(
        `ruleParameters.${metadata.id}.${name}`,
        `rule ${metadata.id} declares no parameter ${name} (it declares: ${[...declared].join(', ') || 'none'})`,
      );
    }
  }
  const values: Record<string, string> = {};
  for (const spec of deployableParameters(metadata)) {
    const value = given[spec.name] ?? spec.default;
    if (value === undefined) {
      if (spec.required) {
        throw new InvalidInputError(
          `ruleParameters.${metadata.id}.${spec.name}`,
          'required and has no default: pass it in the ruleParameters context',
        );
      }
      continue;
    }
    values[spec.name] = value;
  }
  for (const name of Object.keys(RUNTIME_PARAMETERS)) {
    const value = given[name];
    if (value !== undefined && !declared.has(name)) values[name] = value;
  }
  return values;
}

/** A rule's parameters the deployer sets per rule: all but `ExecutionRoleName`. */
export function deployableParameters(metadata: RuleMetadata<unknown>): readonly RuleParameterSpec[] {
  return metadata.parameters.filter((spec) => spec.name !== EXECUTION_ROLE_PARAMETER);
}

/** JSON-encodes InputParameters and checks Config's length limit for the deployment kind. */
export function encodeInputParameters(
  ruleId: string,
  values: Record<string, string>,
  maxLength: number,
): string {
  const encoded = JSON.stringify(values);
  if (encoded.length > maxLength) {
    throw new InvalidInputError(
      `ruleParameters.${ruleId}`,
      `InputParameters are ${encoded.length} characters; Config accepts at most ${maxLength}`,
    );
  }
  return encoded;
}
