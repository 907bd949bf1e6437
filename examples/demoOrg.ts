import type { Inventory } from '../rules/inventory/model';
import { InventorySchema } from '../rules/inventory/model';
import { inventory } from '../test/fixtures/inventory';
import type { DemoCase } from './demoCases';
import { CaseBook } from './demoCases';
import { BROKEN_REGION, DEMO_ACCOUNT_NAMES, DEMO_ACCOUNTS, TWIN_REGION, demoRoleId } from './demoIds';
import { addImageBuilderCases } from './demoImageBuilderCases';
import { addLaunchCases } from './demoLaunchCases';

export const DEMO_DESCRIPTION = 'demo org, broken in eu-west-1, fixed twins in us-east-1';

export interface DemoOrg {
  readonly inventory: Inventory;
  readonly cases: readonly DemoCase[];
}

/** OUs of the demo organization: where each account sits (for OU paths). */
const OUS: Readonly<Record<string, readonly string[]>> = {
  [DEMO_ACCOUNTS.management]: [],
  [DEMO_ACCOUNTS.imageFactory]: ['ou-demo-platform1'],
  [DEMO_ACCOUNTS.legacyBuilds]: ['ou-demo-platform1'],
  [DEMO_ACCOUNTS.workloadsProd]: ['ou-demo-workload', 'ou-demo-prodwork'],
  [DEMO_ACCOUNTS.workloadsSandbox]: ['ou-demo-workload', 'ou-demo-sandboxx'],
  [DEMO_ACCOUNTS.analytics]: ['ou-demo-workload'],
  [DEMO_ACCOUNTS.dataScience]: ['ou-demo-workload'],
  [DEMO_ACCOUNTS.partnerBuilds]: ['ou-demo-partners'],
};

/**
 * The demo organization: every failure scenario (L1–L3, D1–D12, G1–G3) reproduced in eu-west-1 (or
 * in a target account set up wrongly) and its compliant twin, fixed as the articles say, in us-east-1.
 * Resource names say which is which (`L1-broken-key-policy` / `L1-twin-fixed`). Deterministic.
 */
export function buildDemoOrg(): DemoOrg {
  const book = new CaseBook();
  const org = inventory()
    .source('demo')
    .at('2026-11-23T12:00:00.000Z')
    .org({
      id: 'o-demo1234567',
      rootId: 'r-demo',
      managementAccountId: DEMO_ACCOUNTS.management,
      accounts: Object.values(DEMO_ACCOUNTS).map((id) => ({
        id,
        name: DEMO_ACCOUNT_NAMES[id] ?? id,
        ouIds: [...(OUS[id] ?? [])],
      })),
    });
  // Account-wide rules (IAM) run in an account's first Region: workloads-prod receives its shared
  // AMIs in us-east-1, so that is its first Region (as `collect --regions us-east-1,eu-west-1` gives).
  for (const id of Object.values(DEMO_ACCOUNTS)) {
    const regions =
      id === DEMO_ACCOUNTS.workloadsProd ? [TWIN_REGION, BROKEN_REGION] : [BROKEN_REGION, TWIN_REGION];
    org.account(id, (a) => {
      a.name(DEMO_ACCOUNT_NAMES[id] ?? id);
      for (const r of regions) a.region(r);
    });
  }
  addLaunchCases(org, book);
  addImageBuilderCases(org, book);
  const built = org.build();
  // Deterministic role ids (the fixture builder numbers them per process).
  const inv: Inventory = {
    ...built,
    source: { kind: 'demo', description: DEMO_DESCRIPTION },
    accounts: built.accounts.map((a) => ({
      ...a,
      roles:
        a.roles.status === 'known'
          ? {
              status: 'known',
              value: a.roles.value.map((r) => ({ ...r, roleId: demoRoleId(a.accountId, r.roleName) })),
            }
          : a.roles,
    })),
  };
  InventorySchema.parse(inv);
  return { inventory: inv, cases: book.all() };
}
