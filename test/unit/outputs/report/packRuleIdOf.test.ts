import { describe, expect, it } from 'vitest';
import { packRuleIdOf } from '../../../../outputs/report/packRuleIdOf';

const IDS = ['shared-ami-key-access', 'imagebuilder-distribution-key', 'imagebuilder-distribution-key-v2'];

describe('packRuleIdOf', () => {
  it.each([
    { name: 'shared-ami-key-access', id: 'shared-ami-key-access', how: 'its own id (account rule)' },
    {
      name: 'OrgConfigRule-shared-ami-key-access-wmqphvws',
      id: 'shared-ami-key-access',
      how: 'an organization rule in a member account',
    },
    {
      name: 'shared-ami-key-access-conformance-pack-fk2a1b3c',
      id: 'shared-ami-key-access',
      how: 'a conformance pack rule',
    },
    {
      name: 'OrgConfigRule-imagebuilder-distribution-key-v2-abc123',
      id: 'imagebuilder-distribution-key-v2',
      how: 'the longer of two ids sharing a prefix',
    },
    {
      name: 'OrgConfigRule-imagebuilder-distribution-key-abc123',
      id: 'imagebuilder-distribution-key',
      how: 'the shorter of two ids sharing a prefix',
    },
  ])('finds $id in "$name": $how', ({ name, id }) => {
    expect(packRuleIdOf(name, IDS)).toBe(id);
  });

  it.each([
    'encrypted-volumes',
    'OrgConfigRule-encrypted-volumes-abc123',
    'OrgConfigRule-shared-ami-key-access',
    'shared-ami-key-access-extra',
    'securityhub-shared-ami-key-access-abc123',
    'encrypted-volumes-conformance-pack-abc123',
  ])('claims no pack rule for someone else\'s rule "%s"', (name) => {
    expect(packRuleIdOf(name, IDS)).toBeUndefined();
  });
});
