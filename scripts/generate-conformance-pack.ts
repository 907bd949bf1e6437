/**
 * Writes the conformance packs generated from the rule registry:
 *   conformance-pack/ami-share-guard.yaml               (account pack)
 *   conformance-pack/ami-share-guard-organization.yaml  (organization pack, ExecutionRoleName input)
 * `--check` writes nothing and exits 1 when a committed file differs from what would be generated.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONFORMANCE_PACK_FILES,
  conformancePackYaml,
} from '../infra/conformancePack/conformancePackTemplate';
import { REPO_ROOT } from '../infra/ruleHandlerEntry';
import { allRules } from '../rules/index';

const check = process.argv.includes('--check');
const packs = [
  { file: CONFORMANCE_PACK_FILES.account, body: conformancePackYaml(allRules, { organization: false }) },
  { file: CONFORMANCE_PACK_FILES.organization, body: conformancePackYaml(allRules, { organization: true }) },
];
let stale = 0;
for (const { file, body } of packs) {
  const path = join(REPO_ROOT, file);
  if (check) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = '';
    }
    if (current !== body) {
      console.error(`${file} is stale: run npm run pack:generate`);
      stale++;
    }
  } else {
    writeFileSync(path, body);
    console.log(`${file}: ${Buffer.byteLength(body)} bytes, ${allRules.length} rule(s)`);
  }
}
process.exit(stale > 0 ? 1 : 0);
