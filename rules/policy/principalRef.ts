import { InvalidInputError } from '../core/errors';

/**
 * Who asks. `account` is "any principal of this account" (the account-level question);
 * `iam` is one role, user or assumed-role session; `service` a service principal.
 */
export type PrincipalRef =
  | { readonly kind: 'account'; readonly accountId: string }
  | {
      readonly kind: 'iam';
      readonly arn: string;
      readonly accountId: string;
      readonly type: 'role' | 'user' | 'assumed-role';
      /** Role name for roles and sessions (the last path segment of a role ARN). */
      readonly name: string;
      /** The ARN `aws:PrincipalArn` carries: the role ARN for roles and sessions. */
      readonly principalArn: string;
    }
  | { readonly kind: 'service'; readonly service: string };

const ACCOUNT = /^\d{12}$/;
const IAM_ARN =
  /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):(root|role\/(?:[^/]+\/)*([^/]+)|user\/(?:[^/]+\/)*([^/]+))$/;
const SESSION_ARN = /^arn:(aws|aws-cn|aws-us-gov):sts::(\d{12}):assumed-role\/([^/]+)\/([^/]+)$/;

/** Parses an account id, a root/role/user/assumed-role ARN or a service principal into a {@link PrincipalRef}. */
export function parsePrincipalRef(text: string, path = 'principal'): PrincipalRef {
  if (ACCOUNT.test(text)) return { kind: 'account', accountId: text };
  const iam = IAM_ARN.exec(text);
  if (iam) {
    const accountId = iam[2] as string;
    if (iam[3] === 'root') return { kind: 'account', accountId };
    if (iam[4] !== undefined) {
      return { kind: 'iam', arn: text, accountId, type: 'role', name: iam[4], principalArn: text };
    }
    return { kind: 'iam', arn: text, accountId, type: 'user', name: iam[5] as string, principalArn: text };
  }
  const session = SESSION_ARN.exec(text);
  if (session) {
    const accountId = session[2] as string;
    const name = session[3] as string;
    return {
      kind: 'iam',
      arn: text,
      accountId,
      type: 'assumed-role',
      name,
      principalArn: `arn:${session[1]}:iam::${accountId}:role/${name}`,
    };
  }
  if (/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(text)) return { kind: 'service', service: text };
  throw new InvalidInputError(
    path,
    `"${text}" is not a 12-digit account id, an IAM role/user/root ARN, an assumed-role ARN or a service principal`,
  );
}

/** The account a principal belongs to (undefined for service principals). */
export function principalAccount(ref: PrincipalRef): string | undefined {
  return ref.kind === 'service' ? undefined : ref.accountId;
}
