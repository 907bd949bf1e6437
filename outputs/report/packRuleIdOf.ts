/** How AWS Config names a pack rule in the accounts it reaches (reference §5.1, §5.3). */
const GENERATED_NAME_PATTERNS: readonly RegExp[] = [
  // Organization Config rules in member accounts: OrgConfigRule-<name>-<suffix>
  /^OrgConfigRule-(.+)-[A-Za-z0-9]+$/,
  // Rules of a conformance pack (organization or account): <name>-conformance-pack-<suffix>
  /^(.+)-conformance-pack-[A-Za-z0-9]+$/,
];

/**
 * The pack rule id behind a Config rule name: the id itself (account rules, the administrator's
 * own organization rules), `OrgConfigRule-<id>-<suffix>` or `<id>-conformance-pack-<suffix>`.
 * `undefined` for anyone else's rule. Matching is exact on the embedded id, so `ami-check` never
 * claims `OrgConfigRule-ami-check-extra-x1y2`'s `ami-check-extra`.
 */
export function packRuleIdOf(configRuleName: string, ruleIds: readonly string[]): string | undefined {
  const ids = new Set(ruleIds);
  if (ids.has(configRuleName)) return configRuleName;
  for (const pattern of GENERATED_NAME_PATTERNS) {
    const embedded = pattern.exec(configRuleName)?.[1];
    if (embedded !== undefined && ids.has(embedded)) return embedded;
  }
  return undefined;
}
