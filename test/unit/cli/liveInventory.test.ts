import {
  DescribeOrganizationCommand,
  ListAccountsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLiveInventory } from '../../../cli/liveInventory';

const sts = mockClient(STSClient);
const orgs = mockClient(OrganizationsClient);

function awsError(name: string, message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

const savedEnv = { ...process.env };

beforeEach(() => {
  process.env.AWS_ACCESS_KEY_ID = 'AKIDTESTTESTTESTTEST';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
  sts.reset();
  orgs.reset();
  sts
    .on(GetCallerIdentityCommand)
    .resolves({ Account: '111111111111', Arn: 'arn:aws:iam::111111111111:user/me' });
});

afterEach(() => {
  sts.reset();
  orgs.reset();
  process.env = { ...savedEnv };
});

describe('readLiveInventory (scan without --inventory)', () => {
  it('asks for --regions when none is given', async () => {
    await expect(readLiveInventory({ regions: [], org: false })).rejects.toThrow(
      '--regions: name the Regions to scan',
    );
  });

  it('says the credentials do not work when sts:GetCallerIdentity fails', async () => {
    sts
      .on(GetCallerIdentityCommand)
      .rejects(awsError('ExpiredToken', 'The security token included in the request is expired'));
    await expect(readLiveInventory({ regions: ['eu-west-1'], org: false })).rejects.toThrow(
      'credentials: cannot call sts:GetCallerIdentity (The security token included in the request is expired); check your AWS credentials',
    );
  });

  it('needs --role-name to read accounts other than the caller', async () => {
    await expect(
      readLiveInventory({ regions: ['eu-west-1'], org: false, accounts: ['111111111111', '222222222222'] }),
    ).rejects.toThrow('--role-name: needed to read accounts other than 111111111111: 222222222222');
  });

  it('explains where to run --org from when the organization cannot be read', async () => {
    orgs.on(DescribeOrganizationCommand).rejects(awsError('AccessDeniedException', 'not allowed'));
    orgs.on(ListAccountsCommand).rejects(awsError('AccessDeniedException', 'not allowed'));
    await expect(
      readLiveInventory({ regions: ['eu-west-1'], org: true, roleName: 'Reader' }),
    ).rejects.toThrow("--org: cannot list the organization's accounts (AccessDenied");
  });
});
