import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InvalidInputError } from '../rules/core/errors';

/** Writes `text` to `--out FILE` (creating its folder) or to stdout. */
export async function writeOutput(text: string, out: string | undefined): Promise<void> {
  if (out === undefined || out === '-') {
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(text, (error) => (error ? reject(error) : resolve())),
    );
    return;
  }
  try {
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, text, 'utf8');
  } catch (error) {
    throw new InvalidInputError('--out', `cannot write ${out} (${(error as Error).message})`, {
      cause: error,
    });
  }
  process.stderr.write(`wrote ${out} (${Math.max(1, Math.round(Buffer.byteLength(text) / 1024))} KB)\n`);
}
