import { describe, expect, it } from 'vitest';
import { ConfigServiceClient, PutEvaluationsCommand } from '@aws-sdk/client-config-service';
import {
  AccountUnreachableError,
  AssumeRoleDeniedError,
  InvalidInputError,
  createAccountAccess,
  resolveExecutionRoleName,
} from '../../../rules/core';

const SLR_ARN =
  'arn:aws:iam::111111111111:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig';

describe('resolveExecutionRoleName', () => {
  it.each([
    [{}, undefined],
    [{ ExecutionRoleName: '' }, undefined],
    [{ ExecutionRoleName: 'AmiShareGuardMember' }, 'AmiShareGuardMember'],
    [{ ExecutionRoleName: '/security/AmiShareGuardMember' }, '/security/AmiShareGuardMember'],
  ])('reads %j as %j', (params, expected) => {
    expect(resolveExecutionRoleName(params, '111111111111', SLR_ARN)).toBe(expected);
  });

  it.each([
    'AWSServiceRoleForConfig',
    '/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig',
    'aws-service-role/config.amazonaws.com/Other',
  ])('refuses Config service-linked role %j with a clear error', (name) => {
    const act = (): unknown => resolveExecutionRoleName({ ExecutionRoleName: name }, '111111111111', SLR_ARN);
    expect(act).toThrow(InvalidInputError);
    expect(act).toThrow(
      /^ruleParameters\.ExecutionRoleName: .* is AWS Config's service-linked role, which Lambda cannot assume/,
    );
  });

  it.each(['bad name', 'x'.repeat(65), 42])('refuses %j as a role name', (name) => {
    expect(() => resolveExecutionRoleName({ ExecutionRoleName: name }, '111111111111')).toThrow(
      /^ruleParameters\.ExecutionRoleName: expected/,
    );
  });
});

describe('createAccountAccess', () => {
  it('uses the function credentials for the evaluated account in single-account mode', () => {
    const access = createAccountAccess({ evaluatedAccountId: '111111111111', sessionName: 's' });
    expect(access.organizationMode).toBe(false);
    expect(access.awsConfigFor('111111111111', 'eu-west-1')).toEqual({
      region: 'eu-west-1',
      retryMode: 'adaptive',
      maxAttempts: 5,
    });
  });

  it('refuses another account in single-account mode with a typed error', () => {
    const access = createAccountAccess({ evaluatedAccountId: '111111111111', sessionName: 's' });
    expect(() => access.awsConfigFor('222222222222', 'eu-west-1')).toThrow(AccountUnreachableError);
    expect(() => access.awsConfigFor('222222222222', 'eu-west-1')).toThrow(
      'account 222222222222 is unreachable: single-account mode (no ExecutionRoleName rule parameter) reaches only 111111111111',
    );
  });

  it('builds one provider per account and maps AccessDenied to an error naming the role ARN and account', async () => {
    // Prepare
    const asked: string[] = [];
    const denied = Object.assign(new Error('User is not authorized to perform: sts:AssumeRole'), {
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
    const access = createAccountAccess({
      evaluatedAccountId: '111111111111',
      roleName: '/security/Member',
      sessionName: 's',
      credentialsForAccount: (accountId) => {
        asked.push(accountId);
        return async () => {
          throw denied;
        };
      },
    });
    // Act
    const provider = access.awsConfigFor('333333333333', 'eu-west-1').credentials;
    access.awsConfigFor('333333333333', 'us-east-1');
    if (typeof provider !== 'function') throw new Error('expected a credential provider');
    const error: unknown = await provider().catch((e: unknown) => e);
    // Assess
    expect(access.organizationMode).toBe(true);
    expect(asked).toEqual(['333333333333']);
    expect(error).toBeInstanceOf(AssumeRoleDeniedError);
    expect((error as AssumeRoleDeniedError).roleArn).toBe('arn:aws:iam::333333333333:role/security/Member');
    expect((error as Error).message).toMatch(
      /^cannot assume arn:aws:iam::333333333333:role\/security\/Member in account 333333333333/,
    );
    expect((error as Error).cause).toBe(denied);
  });

  it('passes other credential errors through unchanged', async () => {
    const boom = new Error('network down');
    const access = createAccountAccess({
      evaluatedAccountId: '111111111111',
      roleName: 'Member',
      sessionName: 's',
      credentialsForAccount: () => async () => {
        throw boom;
      },
    });
    const provider = access.awsConfigFor('333333333333', 'eu-west-1').credentials;
    if (typeof provider !== 'function') throw new Error('expected a credential provider');
    await expect(provider()).rejects.toBe(boom);
  });

  it('surfaces the AssumeRoleDeniedError from an SDK call made with the config', async () => {
    const access = createAccountAccess({
      evaluatedAccountId: '111111111111',
      roleName: 'Member',
      sessionName: 's',
      credentialsForAccount: () => async () => {
        throw Object.assign(new Error('not authorized'), { name: 'AccessDenied' });
      },
    });
    const client = new ConfigServiceClient(access.awsConfigFor('111111111111', 'eu-west-1'));
    const error: unknown = await client
      .send(new PutEvaluationsCommand({ ResultToken: 't', Evaluations: [] }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AssumeRoleDeniedError);
    expect((error as Error).message).toMatch(
      /^cannot assume arn:aws:iam::111111111111:role\/Member in account 111111111111/,
    );
  });
});
