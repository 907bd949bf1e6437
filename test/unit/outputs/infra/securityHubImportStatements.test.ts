import { Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import {
  securityHubImportStatements,
  withSecurityHubImport,
} from '../../../../infra/outputs/securityHubImportStatements';
import { fixtureRules } from '../../../infra/fixtures';

describe('Security Hub import permissions and parameters', () => {
  it("allows importing to and reading back only this account's Security Hub, in one Region", () => {
    // Prepare
    const stack = new Stack();
    // Act
    const json = securityHubImportStatements().map(
      (s) => stack.resolve(s.toStatementJson()) as Record<string, unknown>,
    );
    // Assess
    const arn = (r: unknown) =>
      ((r as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1] ?? [])
        .map((p) => (typeof p === 'string' ? p : `<${(p as { Ref: string }).Ref}>`))
        .join('');
    expect(json.map((s) => [s.Action, arn(s.Resource)])).toEqual([
      [
        'securityhub:BatchImportFindings',
        'arn:<AWS::Partition>:securityhub:<AWS::Region>:<AWS::AccountId>:product/<AWS::AccountId>/default',
      ],
      [
        'securityhub:GetFindings',
        'arn:<AWS::Partition>:securityhub:<AWS::Region>:<AWS::AccountId>:hub/default',
      ],
    ]);
  });

  it('adds SecurityHubImport=true to every rule and keeps the other overrides', () => {
    // Prepare
    const [first, second] = fixtureRules.map((r) => r.metadata.id);
    // Act
    const overrides = withSecurityHubImport(fixtureRules, {
      [first!]: { allowedAccountIds: '111122223333' },
    });
    // Assess
    expect(overrides[first!]).toEqual({ allowedAccountIds: '111122223333', SecurityHubImport: 'true' });
    expect(overrides[second!]).toEqual({ SecurityHubImport: 'true' });
  });
});
