import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../infra/ruleHandlerEntry';

/** Installs cfn-lint into .venv when needed (idempotent, fast when already there). */
export function setupCfnLint(): void {
  execFileSync('bash', [join(REPO_ROOT, 'scripts/setup-python.sh')], { stdio: 'inherit' });
}

/**
 * The only cfn-lint checks not enforced, each for a reason:
 * - W2531 (runtime deprecated): nodejs20.x is pinned by the project in infra/lambdaRuntime.ts
 *   and Lambda deprecated it on 2026-04-30; the bump is one constant, tracked there, and the
 *   cdk-nag AwsSolutions-L1 acknowledgement carries the same dates.
 * - W3005 (DependsOn redundant with a GetAtt): aws-cdk-lib adds `DependsOn` on a function's role
 *   and the Config rule construct on its function; harmless ordering hints, not ours to remove.
 */
export const IGNORED_CHECKS = ['W2531', 'W3005'] as const;

export interface CfnLintResult {
  readonly status: number | null;
  readonly output: string;
}

/** Runs cfn-lint once over named templates (JSON objects or YAML text). */
export function cfnLint(
  templates: Readonly<Record<string, string | Record<string, unknown>>>,
): CfnLintResult {
  const dir = mkdtempSync(join(tmpdir(), 'asg-cfn-lint-'));
  const files = Object.entries(templates).map(([name, body]) => {
    const file = join(dir, typeof body === 'string' ? `${name}.yaml` : `${name}.json`);
    writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body, null, 1));
    return file;
  });
  const run = spawnSync(
    join(REPO_ROOT, '.venv/bin/cfn-lint'),
    ['--ignore-checks', ...IGNORED_CHECKS, '--', ...files],
    {
      encoding: 'utf8',
    },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}
