import { readFile } from 'node:fs/promises';
import { UsageError } from './UsageError';

/** Reads a file for flag `flag`, with errors that say what to do: not found, unreadable. */
export async function readInputFile(path: string, flag: string, hint: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new UsageError(`${flag} file not found: ${path} — ${hint}`, { cause: error });
    if (code === 'EISDIR') throw new UsageError(`${flag} ${path} is a folder; give a file`, { cause: error });
    throw new UsageError(`cannot read ${flag} ${path} (${(error as Error).message})`, { cause: error });
  }
}
