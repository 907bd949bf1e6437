import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('Licensing boundary', () => {
  it('no shipped file under rules/ or cli/ imports the AGPL oracle @cloud-copilot/*', () => {
    const offenders = [...tsFiles('rules'), ...tsFiles('cli')].filter((f) =>
      /from\s+['"]@cloud-copilot\//.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
