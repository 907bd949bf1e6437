import { CfnStackSet, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { MEMBER_ROLE_PARAMETERS, memberRoleTemplate } from './memberRoleTemplate';

export interface MemberRoleStackSetProps {
  /** The rule functions' role: the only principal the member role trusts. */
  readonly ruleFunctionRoleArn: string;
  readonly executionRoleName: string;
  /** The organization root (`r-…`) or the OUs (`ou-…`) to deploy the role to. */
  readonly organizationalUnitIds: string[];
  /**
   * `DELEGATED_ADMIN` when deployed from the delegated administrator account, `SELF` from the
   * management account.
   * @default 'DELEGATED_ADMIN'
   */
  readonly callAs?: 'DELEGATED_ADMIN' | 'SELF';
  /**
   * The StackSet's name.
   * @default 'ami-share-guard-member-role'
   */
  readonly stackSetName?: string;
}

/**
 * A service-managed StackSet that deploys the member role to every account of the targeted OUs,
 * and to accounts that join them later (AutoDeployment). IAM is global: the role is deployed in
 * ONE region (this stack's), whatever regions the rules run in.
 */
export class MemberRoleStackSet extends Construct {
  readonly stackSet: CfnStackSet;

  constructor(scope: Construct, id: string, props: MemberRoleStackSetProps) {
    super(scope, id);
    this.stackSet = new CfnStackSet(this, 'Resource', {
      stackSetName: props.stackSetName ?? 'ami-share-guard-member-role',
      description: 'ami-share-guard: the role the rule functions assume in each member account.',
      permissionModel: 'SERVICE_MANAGED',
      callAs: props.callAs ?? 'DELEGATED_ADMIN',
      autoDeployment: { enabled: true, retainStacksOnAccountRemoval: false },
      managedExecution: { Active: true },
      capabilities: ['CAPABILITY_NAMED_IAM'],
      operationPreferences: {
        failureTolerancePercentage: 10,
        maxConcurrentPercentage: 25,
        regionConcurrencyType: 'SEQUENTIAL',
      },
      templateBody: JSON.stringify(memberRoleTemplate()),
      parameters: [
        {
          parameterKey: MEMBER_ROLE_PARAMETERS.ruleFunctionRoleArn,
          parameterValue: props.ruleFunctionRoleArn,
        },
        { parameterKey: MEMBER_ROLE_PARAMETERS.executionRoleName, parameterValue: props.executionRoleName },
      ],
      stackInstancesGroup: [
        {
          deploymentTargets: { organizationalUnitIds: props.organizationalUnitIds },
          regions: [Stack.of(this).region],
        },
      ],
    });
  }
}
