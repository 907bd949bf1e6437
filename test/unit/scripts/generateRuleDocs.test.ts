import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RuleMetadata } from '../../../rules/core/ruleMetadata';
import { allRules } from '../../../rules/index';
import {
  renderAllRuleDocs,
  renderRuleDoc,
  ruleDocPath,
  staleRuleDocs,
} from '../../../scripts/generate-rule-docs';

const sample: RuleMetadata<unknown> = {
  id: 'sample-rule',
  title: 'A sample rule',
  description: 'Checks a sample thing.',
  severity: 'HIGH',
  scenarios: ['L1', 'G3'],
  trigger: { kind: 'hybrid', resourceTypes: ['AWS::KMS::Key'], maximumExecutionFrequency: 'Six_Hours' },
  evaluationResourceTypes: ['AWS::KMS::Key'],
  parameters: [
    {
      name: 'IgnoredAccounts',
      type: 'CSV',
      description: 'Accounts | to ignore.',
      default: '',
      required: false,
    },
  ],
  parameterSchema: z.unknown(),
  remediation: 'Add the statement.',
};

describe('scripts/generate-rule-docs', () => {
  it('renders the trigger, severity, scenarios, parameters and remediation from the metadata', () => {
    // Act
    const page = renderRuleDoc(sample);
    // Assess
    expect(page).toContain('# sample-rule');
    expect(page).toContain('| Severity | HIGH |');
    expect(page).toContain('Configuration changes of `AWS::KMS::Key`, and periodic (every 6 hours).');
    expect(page).toContain('| Scenarios covered | L1, G3');
    expect(page).toContain('| `IgnoredAccounts` | CSV | no | `""` | Accounts \\| to ignore. |');
    expect(page).toContain('## Remediation\n\nAdd the statement.');
  });

  it('reports a page as stale when it is missing or differs, and not when it matches', () => {
    // Prepare
    const root = mkdtempSync(join(tmpdir(), 'rule-docs-'));
    const pages = renderAllRuleDocs([{ metadata: sample }, { metadata: { ...sample, id: 'other-rule' } }]);
    mkdirSync(join(root, 'docs', 'rules'), { recursive: true });
    writeFileSync(join(root, ruleDocPath('sample-rule')), pages.get(ruleDocPath('sample-rule')) ?? '');
    // Act
    const stale = staleRuleDocs(pages, root);
    writeFileSync(join(root, ruleDocPath('sample-rule')), 'edited by hand');
    const staleAfterEdit = staleRuleDocs(pages, root);
    // Assess
    expect(stale).toEqual([ruleDocPath('other-rule')]);
    expect(staleAfterEdit).toEqual([ruleDocPath('sample-rule'), ruleDocPath('other-rule')]);
  });

  it('has an up-to-date committed docs page for every registered rule (run the script when this fails)', () => {
    // Act
    const stale = staleRuleDocs(renderAllRuleDocs(allRules));
    // Assess
    expect(stale).toEqual([]);
  });
});
