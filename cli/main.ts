import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { AmiShareGuardError } from '../rules/core/errors';
import { register as registerCheckKeyAccess } from './commands/checkKeyAccess';
import { register as registerCollect } from './commands/collect';
import { register as registerReport } from './commands/report';
import { register as registerScan } from './commands/scan';
import { EXIT } from './exitCodes';
import { VERSION } from './version';

/**
 * The `ami-share-guard` command. Each subcommand lives in `cli/commands/<name>.ts` and
 * exports `register(program)`. Exit codes: 0 compliant, 1 NON_COMPLIANT, 2 bad input (see `EXIT`).
 */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name('ami-share-guard')
    .description('Checks that encrypted AMI sharing, Image Builder distribution and KMS key access agree.')
    .version(VERSION)
    .showHelpAfterError()
    // Commander's own usage errors (unknown flag, bad choice) exit 2 like every bad input.
    .exitOverride();
  // Subcommands register here, one line each.
  registerScan(program);
  registerReport(program);
  registerCheckKeyAccess(program);
  registerCollect(program);
  return program;
}

/** Runs the command; resolves to the exit code (never calls process.exit). */
export async function main(argv: readonly string[]): Promise<number> {
  process.exitCode = undefined;
  try {
    await buildProgram().parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; commander has already printed its message.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (error instanceof AmiShareGuardError) {
      console.error(`error: ${error.message}`);
      return EXIT.badInput;
    }
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.DEBUG && error instanceof Error && error.stack) console.error(error.stack);
    return EXIT.badInput;
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
