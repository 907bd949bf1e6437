import type { CollectionProgress } from '../rules/inventory/live/collectInventory';

export interface TerminalStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(chunk: string): boolean;
}

/** Colors only on a terminal, never with NO_COLOR set (https://no-color.org) or `--no-color`. */
export function useColor(stream: TerminalStream, env: NodeJS.ProcessEnv, flag: boolean): boolean {
  if (!flag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}

/** The terminal's width (80 when not a terminal). */
export function terminalWidth(stream: TerminalStream): number {
  return stream.isTTY && stream.columns ? stream.columns : 80;
}

/**
 * A one-line progress display for live reads (accounts and Regions done, API calls), redrawn in
 * place on stderr. Does nothing unless the stream is a terminal.
 */
export function progressDisplay(stream: TerminalStream): {
  update: (p: CollectionProgress) => void;
  done: () => void;
} {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  let last = 0;
  let shown = false;
  return {
    update: (p) => {
      const now = Date.now();
      if (now - last < 100 && p.regionsDone < p.regionsTotal) return;
      last = now;
      shown = true;
      stream.write(
        `\r\u001b[2Kreading AWS: accounts ${p.accountsDone}/${p.accountsTotal} · Regions ${p.regionsDone}/${p.regionsTotal} · ${p.calls} API calls`,
      );
    },
    done: () => {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}
