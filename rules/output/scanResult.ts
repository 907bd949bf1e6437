import { z } from 'zod';
import { InvalidInputError } from '../core/errors';
import type { ComplianceType, Finding } from '../core/finding';
import type { ScenarioId, Severity } from '../core/ruleMetadata';
import { SCENARIO_IDS } from '../core/ruleMetadata';
import { invalidInputFromZod } from '../core/zodIssues';

/**
 * A saved scan: what `ami-share-guard scan --format json` writes and `report --input` reads, and what
 * every renderer (table, json, csv, markdown, asff, html) takes. The report Lambda builds one from
 * the Config aggregator. Versioned; validated on load with errors naming the path.
 */
export const SCAN_FORMAT_VERSION = 1;

/** What a renderer needs to know of a rule (from its metadata). */
export interface ScanRuleInfo {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  /** The scenario IDs the rule covers. */
  readonly scenarios: readonly ScenarioId[];
  /** General remediation text (findings carry the exact fix). */
  readonly remediation?: string;
}

export interface ScanResult {
  readonly formatVersion: typeof SCAN_FORMAT_VERSION;
  readonly tool: { readonly name: 'ami-share-guard'; readonly version: string };
  /** When the scan ran (ISO 8601): the findings' timestamp. */
  readonly generatedAt: string;
  /** Where the facts came from: an inventory file, live AWS, a Config aggregator. */
  readonly source: {
    readonly kind: string;
    readonly description?: string;
    /** When the facts were read (the inventory's own timestamp). */
    readonly collectedAt?: string;
  };
  readonly partition: string;
  /** The rules that ran, in catalogue order. */
  readonly rules: readonly ScanRuleInfo[];
  /** The accounts and Regions in scope. */
  readonly accounts: readonly { readonly id: string; readonly name?: string }[];
  readonly regions: readonly string[];
  readonly findings: readonly Finding[];
  /** Facts that could not be read (the findings concerned are NON_COMPLIANT with FACT_UNREADABLE). */
  readonly unknownFacts?: readonly string[];
  /** Human names by resource id or ARN (AMI names, key aliases, role and Image Builder names), for display. */
  readonly resourceNames?: Readonly<Record<string, string>>;
}

const severitySchema = z.enum(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL']);
const scenarioSchema = z.enum(SCENARIO_IDS);
const complianceSchema = z.enum(['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE']);
const jsonObjectSchema = z.record(z.string(), z.json());

const reasonSchema = z.strictObject({
  code: z.string().min(1),
  message: z.string(),
  scenarios: z.array(scenarioSchema).optional(),
});

const fixSchema = z.strictObject({
  summary: z.string(),
  keyPolicyStatements: z.array(jsonObjectSchema).optional(),
  keyArn: z.string().optional(),
  identityPolicy: jsonObjectSchema.optional(),
  roleArn: z.string().optional(),
  trustPolicy: jsonObjectSchema.optional(),
  managedPolicyArns: z.array(z.string()).optional(),
  steps: z.array(z.string()).optional(),
});

interface FindingInput {
  ruleId: string;
  resourceType: string;
  resourceId: string;
  resourceArn?: string | undefined;
  accountId: string;
  region: string;
  compliance: ComplianceType;
  scenarios: ScenarioId[];
  reasons: z.infer<typeof reasonSchema>[];
  consumer?: string | undefined;
  missingActions?: string[] | undefined;
  fix?: z.infer<typeof fixSchema> | undefined;
  details?: FindingInput[] | undefined;
}

/** The zod schema of a {@link Finding} (recursive through `details`). */
export const FindingSchema: z.ZodType<FindingInput> = z.lazy(() =>
  z.strictObject({
    ruleId: z.string().min(1),
    resourceType: z.string().min(1),
    resourceId: z.string().min(1),
    resourceArn: z.string().optional(),
    accountId: z.string().regex(/^\d{12}$/, 'expected a 12-digit account id'),
    region: z.string().min(1),
    compliance: complianceSchema,
    scenarios: z.array(scenarioSchema),
    reasons: z.array(reasonSchema),
    consumer: z.string().optional(),
    missingActions: z.array(z.string()).optional(),
    fix: fixSchema.optional(),
    details: z.array(FindingSchema).optional(),
  }),
);

export const ScanResultSchema = z.strictObject({
  formatVersion: z.literal(SCAN_FORMAT_VERSION),
  tool: z.strictObject({ name: z.literal('ami-share-guard'), version: z.string() }),
  generatedAt: z.iso.datetime({ offset: true }),
  source: z.strictObject({
    kind: z.string().min(1),
    description: z.string().optional(),
    collectedAt: z.string().optional(),
  }),
  partition: z.string().min(1),
  rules: z.array(
    z.strictObject({
      id: z.string().min(1),
      title: z.string(),
      severity: severitySchema,
      scenarios: z.array(scenarioSchema),
      remediation: z.string().optional(),
    }),
  ),
  accounts: z.array(z.strictObject({ id: z.string(), name: z.string().optional() })),
  regions: z.array(z.string()),
  findings: z.array(FindingSchema),
  unknownFacts: z.array(z.string()).optional(),
  resourceNames: z.record(z.string(), z.string()).optional(),
});

/**
 * Validates a saved scan (parsed JSON or JSON text). Bad input throws an {@link InvalidInputError}
 * naming the path, e.g. `findings[3].compliance: …`.
 */
export function parseScanResult(input: unknown): ScanResult {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (error) {
      throw new InvalidInputError('$', `not valid JSON (${(error as Error).message})`, { cause: error });
    }
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new InvalidInputError('$', 'expected a scan result object (the output of `scan --format json`)');
  if ('organization' in json && !('findings' in json))
    throw new InvalidInputError(
      '$',
      'this is an inventory, not a scan result: scan it first with `ami-share-guard scan --inventory FILE --format json --out scan.json`',
    );
  const version = (json as { formatVersion?: unknown }).formatVersion;
  if (version !== SCAN_FORMAT_VERSION)
    throw new InvalidInputError(
      'formatVersion',
      version === undefined
        ? 'missing: this is not an ami-share-guard scan result (write one with `ami-share-guard scan --format json --out scan.json`)'
        : `unsupported scan format version ${JSON.stringify(version)} (this version reads ${SCAN_FORMAT_VERSION})`,
    );
  const parsed = ScanResultSchema.safeParse(json);
  if (!parsed.success) throw invalidInputFromZod('', parsed.error);
  return parsed.data as ScanResult;
}
