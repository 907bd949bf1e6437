import { InvalidInputError } from '../../rules/core/errors';

/**
 * `-c key=value` / `--context key=value` pairs from a command line, as the CDK CLI takes them, so
 * the app also synthesizes when run directly (`npm run synth -- -c mode=organization`).
 */
export function contextArguments(argv: readonly string[]): Record<string, string> {
  const context: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg !== '-c' && arg !== '--context') continue;
    const pair = argv[i + 1];
    const eq = pair?.indexOf('=') ?? -1;
    if (pair === undefined || eq <= 0) {
      throw new InvalidInputError(`argv[${i + 1}]`, `${arg} expects key=value, got ${pair ?? 'nothing'}`);
    }
    context[pair.slice(0, eq)] = pair.slice(eq + 1);
    i++;
  }
  return context;
}
