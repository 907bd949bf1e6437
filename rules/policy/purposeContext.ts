import type { PrincipalRef } from './principalRef';
import type { Purpose } from './purposes';
import { PURPOSES } from './purposes';
import type { ContextInput, RequestContext } from './requestContext';
import { requestContext } from './requestContext';

/** The consumer's organization: id and OU paths (`o-abc/r-root/ou-x/`). */
export interface OrganizationInfo {
  readonly id: string;
  readonly paths: readonly string[];
}

const GRANT_ACTIONS = new Set(['kms:creategrant', 'kms:listgrants', 'kms:revokegrant']);
const CRYPTO_ACTION = /^kms:(encrypt|decrypt|reencrypt(from|to)|generatedatakey.*)$/;

/**
 * The request context a purpose's request carries, derived from the question (facts §1.4–1.6):
 * who asks (`aws:PrincipalAccount`, `kms:CallerAccount`, `aws:PrincipalArn`, org id and paths
 * when known), how (`kms:ViaService`, `kms:GrantIsForAWSResource` on grant operations), and the
 * EBS encryption-context key `aws:ebs:id`. Keys the question does not settle stay unknown.
 */
export function purposeContext(
  purpose: Purpose,
  action: string,
  principal: PrincipalRef,
  keyRegion: string,
  keyAccountId: string,
  organization: OrganizationInfo | undefined,
): RequestContext {
  const actionLower = action.toLowerCase();
  const values: Record<string, ContextInput[string]> = {
    'kms:ViaService': `${PURPOSES[purpose].viaServicePrefix}.${keyRegion}.amazonaws.com`,
    'aws:ResourceAccount': keyAccountId,
    'aws:RequestedRegion': keyRegion,
    'aws:SecureTransport': 'true',
    'kms:GrantIsForAWSResource': GRANT_ACTIONS.has(actionLower) ? 'true' : null,
  };
  if (CRYPTO_ACTION.test(actionLower)) values['kms:EncryptionContextKeys'] = ['aws:ebs:id'];
  else if (actionLower === 'kms:describekey') values['kms:EncryptionContextKeys'] = null;
  if (principal.kind !== 'service') {
    values['aws:PrincipalAccount'] = principal.accountId;
    values['kms:CallerAccount'] = principal.accountId;
    values['aws:PrincipalIsAWSService'] = 'false';
    values['aws:PrincipalServiceName'] = null;
    if (organization) {
      values['aws:PrincipalOrgID'] = organization.id;
      values['aws:PrincipalOrgPaths'] = [...organization.paths];
    }
  }
  if (principal.kind === 'iam') {
    values['aws:PrincipalArn'] = principal.principalArn;
    values['aws:PrincipalType'] = principal.type === 'user' ? 'User' : 'AssumedRole';
  }
  return requestContext(values);
}
