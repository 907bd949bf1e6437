import type { Command } from 'commander';
import { Option } from 'commander';
import { z } from 'zod';
import { InvalidInputError } from '../../rules/core/errors';
import { invalidInputFromZod } from '../../rules/core/zodIssues';
import { allRules } from '../../rules/index';
import { parseInventory } from '../../rules/inventory/inventoryFile';
import type { FactFamily, Inventory } from '../../rules/inventory/model';
import type { OutputFormat } from '../../rules/output/renderScan';
import { OUTPUT_FORMATS, renderScan } from '../../rules/output/renderScan';
import { readLiveInventory } from '../liveInventory';
import { parseAccountList, parseRegionList } from '../parseList';
import { formatForOut } from '../formatForOut';
import { readInputFile } from '../readJsonFile';
import { exitCodeOf, runScan } from '../runScan';
import { selectRules } from '../selectRules';
import { progressDisplay, terminalWidth, useColor } from '../terminal';
import { UsageError } from '../UsageError';
import { VERSION } from '../version';
import { writeOutput } from '../writeOutput';

interface ScanFlags {
  readonly inventory?: string;
  readonly profile?: string;
  readonly regions?: string;
  readonly accounts?: string;
  readonly org?: boolean;
  readonly roleName?: string;
  readonly endpoint?: string;
  readonly rules?: string;
  readonly parameters?: string;
  readonly format: OutputFormat;
  readonly out?: string;
  readonly color: boolean;
  readonly all?: boolean;
}

const ParametersSchema = z.record(z.string(), z.record(z.string(), z.string()));

async function loadInventory(path: string): Promise<Inventory> {
  const text = await readInputFile(path, 'inventory', `run \`ami-share-guard collect --out ${path}\` first`);
  try {
    return parseInventory(text);
  } catch (error) {
    if (error instanceof InvalidInputError)
      throw new InvalidInputError(`${path}: ${error.path}`, error.message.slice(error.path.length + 2), {
        cause: error,
      });
    throw error;
  }
}

async function loadParameters(path: string): Promise<Record<string, Record<string, string>>> {
  const text = await readInputFile(
    path,
    '--parameters',
    'give a JSON file such as {"<rule-id>": {"Name": "value"}}',
  );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError(`${path}`, `not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = ParametersSchema.safeParse(json);
  if (!parsed.success) throw invalidInputFromZod(path, parsed.error);
  return parsed.data;
}

export async function scanAction(flags: ScanFlags): Promise<number> {
  const accounts = flags.accounts ? parseAccountList(flags.accounts, '--accounts') : undefined;
  const regions = flags.regions ? parseRegionList(flags.regions, '--regions') : undefined;
  if (!flags.inventory && !regions && !process.env.AWS_REGION)
    throw new UsageError(
      'nothing to scan: give --inventory FILE (e.g. examples/demo-org.json), or --regions r1,r2 for a live scan',
    );
  if (flags.inventory && (flags.profile || flags.org || flags.roleName))
    throw new UsageError(
      '--inventory reads a file: drop --profile, --org and --role-name (they are for live scans)',
    );
  const inventoryFromFile = flags.inventory ? await loadInventory(flags.inventory) : undefined;
  const rules = selectRules(allRules, flags.rules);
  const ruleParameters = flags.parameters ? await loadParameters(flags.parameters) : undefined;
  if (ruleParameters) {
    const unknownRule = Object.keys(ruleParameters).find((id) => !rules.some((r) => r.metadata.id === id));
    if (unknownRule)
      throw new InvalidInputError(`${flags.parameters}: ${unknownRule}`, 'not a rule of this scan');
  }
  let inventory: Inventory;
  if (inventoryFromFile) {
    inventory = inventoryFromFile;
  } else {
    const liveRegions = regions ?? (process.env.AWS_REGION ? [process.env.AWS_REGION] : undefined);
    if (!liveRegions)
      throw new UsageError(
        'nothing to scan: give --inventory FILE (e.g. examples/demo-org.json), or --regions r1,r2 for a live scan',
      );
    const progress = progressDisplay(process.stderr);
    try {
      // Read only the fact families the selected rules evaluate.
      const families = [
        ...new Set<FactFamily>([
          ...rules.flatMap((r) => r.spec.families),
          ...(rules.some((r) => r.spec.needsOrganization) ? (['organization'] as const) : []),
        ]),
      ];
      inventory = await readLiveInventory({
        regions: liveRegions,
        families,
        org: flags.org ?? false,
        onProgress: progress.update,
        ...(flags.profile ? { profile: flags.profile } : {}),
        ...(accounts ? { accounts } : {}),
        ...(flags.roleName ? { roleName: flags.roleName } : {}),
        ...(flags.endpoint ? { endpoint: flags.endpoint } : {}),
      });
    } finally {
      progress.done();
    }
    if (process.stderr.isTTY && inventory.collection) {
      const calls = Object.values(inventory.collection.apiCalls).reduce((a, b) => a + b, 0);
      process.stderr.write(
        `read ${inventory.accounts.length} account(s) × ${liveRegions.length} Region(s) with ${calls} API calls in ${(inventory.collection.durationMs / 1000).toFixed(1)} s\n`,
      );
    }
  }
  const scan = runScan(inventory, rules, {
    generatedAt: new Date().toISOString(),
    toolVersion: VERSION,
    ...(accounts ? { accounts } : {}),
    ...(regions ? { regions } : {}),
    ...(ruleParameters ? { ruleParameters } : {}),
  });
  const toTerminal = flags.out === undefined || flags.out === '-';
  const text = renderScan(scan, flags.format, {
    color: toTerminal && useColor(process.stdout, process.env, flags.color),
    width: toTerminal ? terminalWidth(process.stdout) : 80,
  });
  await writeOutput(text, flags.out);
  return exitCodeOf(scan);
}

export function formatOption(): Option {
  return new Option('-f, --format <format>', 'output format (default: from the --out extension, else table)')
    .choices(OUTPUT_FORMATS)
    .default('table');
}

export function register(program: Command): void {
  program
    .command('scan')
    .description(
      'Run every rule (or --rules) against an inventory file or live AWS. Exit code: 0 all compliant, 1 something is NON_COMPLIANT, 2 bad input.',
    )
    .option('-i, --inventory <file>', 'an inventory file (from `collect`, or examples/demo-org.json)')
    .option('--profile <name>', 'live: the AWS profile to use (default: the default credential chain)')
    .option('--regions <list>', 'Regions to scan, comma-separated (live: required unless AWS_REGION is set)')
    .option('--accounts <list>', 'account ids to scan, comma-separated (default: all)')
    .option(
      '--org',
      'live: scan every ACTIVE account of the organization (run from the management or delegated admin account)',
    )
    .option('--role-name <name>', "live: the read role to assume in each account other than the caller's")
    .addOption(
      new Option(
        '--endpoint <url>',
        'advanced: send every AWS call to this endpoint (an emulator)',
      ).hideHelp(),
    )
    .option('--rules <ids>', 'only these rule ids, comma-separated')
    .option('--parameters <file>', 'rule parameters as JSON: {"<rule-id>": {"<Name>": "<value>"}}')
    .addOption(formatOption())
    .option('-o, --out <file>', 'write the output to a file instead of stdout')
    .option('--all', 'table: list COMPLIANT evaluations too (by default they are counted)')
    .option('--no-color', 'no ANSI colors in the table (also: NO_COLOR=1)')
    .addHelpText(
      'after',
      `
Examples:
  $ ami-share-guard scan --inventory examples/demo-org.json
  $ ami-share-guard scan --inventory inv.json --format json --out scan.json
  $ ami-share-guard scan --profile audit --regions eu-west-1,us-east-1 --org --role-name AmiShareGuardReadRole`,
    )
    .action(async (flags: ScanFlags, command: Command) => {
      process.exitCode = await scanAction({
        ...flags,
        format: formatForOut(command, flags.format, flags.out),
      });
    });
}
