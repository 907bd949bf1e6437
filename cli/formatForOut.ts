import type { Command } from 'commander';
import type { OutputFormat } from '../rules/output/renderScan';

const BY_EXTENSION: Readonly<Record<string, OutputFormat>> = {
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.csv': 'csv',
  '.md': 'markdown',
};

/**
 * The output format: `--format` when given, else guessed from `--out`'s extension
 * (`report.html` → html, `scan.json` → json, `.csv`, `.md`), else the table.
 */
export function formatForOut(command: Command, format: OutputFormat, out: string | undefined): OutputFormat {
  if (command.getOptionValueSource('format') !== 'default' || out === undefined) return format;
  const ext = /\.[a-z]+$/i.exec(out)?.[0]?.toLowerCase();
  if (ext === undefined) return format;
  return BY_EXTENSION[ext] ?? format;
}
