import { Command } from 'commander';

/**
 * The `ami-share-guard` command. Each subcommand lives in `cli/commands/<name>.ts` and
 * exports `register(program)`.
 */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name('ami-share-guard')
    .description('Checks that encrypted AMI sharing, Image Builder distribution and KMS key access agree.')
    .showHelpAfterError();
  // Subcommands register here, one line each.
  return program;
}

export async function main(argv: readonly string[]): Promise<void> {
  await buildProgram().parseAsync([...argv]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  });
}
