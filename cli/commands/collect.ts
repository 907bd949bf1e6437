import type { Command } from 'commander';
import { Option } from 'commander';
import { writeInventoryFile } from '../../rules/inventory/inventoryFile';
import { formatInventorySummary, summarizeInventory } from '../../rules/inventory/summarizeInventory';
import { readLiveInventory } from '../liveInventory';
import { parseAccountList, parseRegionList } from '../parseList';
import { progressDisplay } from '../terminal';
import { UsageError } from '../UsageError';

interface CollectFlags {
  readonly out: string;
  readonly profile?: string;
  readonly regions?: string;
  readonly accounts?: string;
  readonly org?: boolean;
  readonly roleName?: string;
  readonly endpoint?: string;
}

/** Reads live AWS into an inventory file; prints a summary line on stderr. Exit 0 even with unknown facts. */
export async function collectAction(flags: CollectFlags): Promise<number> {
  const regions = flags.regions
    ? parseRegionList(flags.regions, '--regions')
    : process.env.AWS_REGION
      ? [process.env.AWS_REGION]
      : undefined;
  if (!regions)
    throw new UsageError('name the Regions to read: --regions eu-west-1,us-east-1 (or set AWS_REGION)');
  const accounts = flags.accounts ? parseAccountList(flags.accounts, '--accounts') : undefined;
  if (flags.org && !flags.roleName)
    throw new UsageError('--org reads every member account through a read role: add --role-name NAME');
  const progress = progressDisplay(process.stderr);
  let inventory;
  try {
    inventory = await readLiveInventory({
      regions,
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
  await writeInventoryFile(flags.out, inventory);
  process.stderr.write(`wrote ${flags.out}: ${formatInventorySummary(summarizeInventory(inventory))}\n`);
  return 0;
}

export function register(program: Command): void {
  program
    .command('collect')
    .description(
      'Read AMIs, snapshots, KMS keys, roles and Image Builder facts from AWS into an inventory file',
    )
    .requiredOption('-o, --out <file>', 'the inventory file to write (format: docs/inventory.md)')
    .option('--profile <name>', 'the AWS profile to use (default: the default credential chain)')
    .option('--regions <list>', 'Regions to read, comma-separated (required unless AWS_REGION is set)')
    .option('--accounts <list>', "account ids to read, comma-separated (default: the caller's account)")
    .option(
      '--org',
      'read every active account of the organization (from the management or delegated admin account)',
    )
    .option('--role-name <name>', "the read role to assume in each account other than the caller's")
    .addOption(
      new Option('--endpoint <url>', 'advanced: send every AWS call to this endpoint (tests)').hideHelp(),
    )
    .action(async (flags: CollectFlags) => {
      process.exitCode = await collectAction(flags);
    });
}
