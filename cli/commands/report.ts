import type { Command } from 'commander';
import { InvalidInputError } from '../../rules/core/errors';
import type { OutputFormat } from '../../rules/output/renderScan';
import { renderScan } from '../../rules/output/renderScan';
import { parseScanResult } from '../../rules/output/scanResult';
import { formatForOut } from '../formatForOut';
import { readInputFile } from '../readJsonFile';
import { exitCodeOf } from '../runScan';
import { terminalWidth, useColor } from '../terminal';
import { writeOutput } from '../writeOutput';
import { formatOption } from './scan';

interface ReportFlags {
  readonly input: string;
  readonly format: OutputFormat;
  readonly out?: string;
  readonly color: boolean;
  readonly all?: boolean;
}

export async function reportAction(flags: ReportFlags): Promise<number> {
  const text = await readInputFile(
    flags.input,
    'scan result',
    `write one with \`ami-share-guard scan --format json --out ${flags.input}\``,
  );
  let scan;
  try {
    scan = parseScanResult(text);
  } catch (error) {
    if (error instanceof InvalidInputError)
      throw new InvalidInputError(
        `${flags.input}: ${error.path}`,
        error.message.slice(error.path.length + 2),
        {
          cause: error,
        },
      );
    throw error;
  }
  const toTerminal = flags.out === undefined || flags.out === '-';
  await writeOutput(
    renderScan(scan, flags.format, {
      color: toTerminal && useColor(process.stdout, process.env, flags.color),
      width: toTerminal ? terminalWidth(process.stdout) : 80,
      all: flags.all ?? false,
    }),
    flags.out,
  );
  return exitCodeOf(scan);
}

export function register(program: Command): void {
  program
    .command('report')
    .description(
      'Render a saved scan (scan --format json) as table, json, csv, markdown, asff or html. Exit code: 0 all compliant, 1 something is NON_COMPLIANT, 2 bad input.',
    )
    .requiredOption('-i, --input <file>', 'a scan result written by `scan --format json --out FILE`')
    .addOption(formatOption())
    .option('-o, --out <file>', 'write the output to a file instead of stdout')
    .option('--all', 'table: list COMPLIANT evaluations too (by default they are counted)')
    .option('--no-color', 'no ANSI colors in the table (also: NO_COLOR=1)')
    .addHelpText(
      'after',
      '\nExample:\n  $ ami-share-guard report --input scan.json --format html --out report.html',
    )
    .action(async (flags: ReportFlags, command: Command) => {
      process.exitCode = await reportAction({
        ...flags,
        format: formatForOut(command, flags.format, flags.out),
      });
    });
}
