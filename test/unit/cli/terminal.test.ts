import { describe, expect, it } from 'vitest';
import { progressDisplay, terminalWidth, useColor } from '../../../cli/terminal';
import { parseAccountList, parseRegionList } from '../../../cli/parseList';

function stream(isTTY: boolean, columns?: number) {
  const written: string[] = [];
  return { isTTY, ...(columns ? { columns } : {}), written, write: (s: string) => written.push(s) > 0 };
}

describe('terminal', () => {
  it.each([
    [true, {}, true, true],
    [false, {}, true, false],
    [true, { NO_COLOR: '1' }, true, false],
    [true, { NO_COLOR: '' }, true, true],
    [true, {}, false, false],
  ])('colors a TTY=%s with env %j and --color=%s: %s', (tty, env, flag, expected) => {
    expect(useColor(stream(tty), env, flag)).toBe(expected);
  });

  it('uses the terminal width on a TTY and 80 otherwise', () => {
    expect(terminalWidth(stream(true, 132))).toBe(132);
    expect(terminalWidth(stream(false, 132))).toBe(80);
  });

  it('draws progress (accounts, Regions, calls) on a TTY only, and clears it at the end', () => {
    const tty = stream(true);
    const p = progressDisplay(tty);
    p.update({ accountsDone: 1, accountsTotal: 3, regionsDone: 2, regionsTotal: 6, calls: 42 });
    p.done();
    expect(tty.written[0]).toContain('accounts 1/3 · Regions 2/6 · 42 API calls');
    expect(tty.written.at(-1)).toBe('\r\u001b[2K');
    const pipe = stream(false);
    const q = progressDisplay(pipe);
    q.update({ accountsDone: 1, accountsTotal: 1, regionsDone: 1, regionsTotal: 1, calls: 1 });
    q.done();
    expect(pipe.written).toEqual([]);
  });

  it('names the flag and the bad value in list errors', () => {
    expect(parseAccountList('111111111111, 222222222222,111111111111', '--accounts')).toEqual([
      '111111111111',
      '222222222222',
    ]);
    expect(() => parseRegionList('eu-west-1,Paris', '--regions')).toThrow(
      '--regions: expected comma-separated Region names such as eu-west-1, but "Paris" is not one',
    );
  });
});
