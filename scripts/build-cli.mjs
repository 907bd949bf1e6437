// Builds the `ami-share-guard` command: one ESM bundle, dist/cli.mjs (the package.json `bin`).
// Runs on `npm ci` through the `prepare` script, so the command works right after a fresh clone.
import { build } from 'esbuild';
import { chmod, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'cli.mjs');

// Written to a temporary file, then renamed: concurrent builds (parallel test files) never see half a file.
const tmp = `${outfile}.${process.pid}.tmp`;
await build({
  entryPoints: [join(root, 'cli', 'main.ts')],
  outfile: tmp,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'none',
  banner: {
    // Some bundled CommonJS dependencies call require(): give them one.
    js: "#!/usr/bin/env node\nimport { createRequire as __asgCreateRequire } from 'node:module';\nconst require = __asgCreateRequire(import.meta.url);",
  },
});
await chmod(tmp, 0o755);
await rename(tmp, outfile);
