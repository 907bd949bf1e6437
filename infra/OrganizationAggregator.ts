import { Stack, Validations } from 'aws-cdk-lib';
import { CfnConfigurationAggregator } from 'aws-cdk-lib/aws-config';
import { ManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

export interface OrganizationAggregatorProps {
  /**
   * The aggregator's name.
   * @default 'ami-share-guard'
   */
  readonly aggregatorName?: string;
}

/**
 * An organization Config aggregator (all regions): the compliance view the reports read. Its role
 * is trusted by `config.amazonaws.com` (only on behalf of this account) and carries the managed
 * policy AWS documents for it, `AWSConfigRoleForOrganizations` (Organizations read-only calls).
 */
export class OrganizationAggregator extends Construct {
  readonly aggregator: CfnConfigurationAggregator;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: OrganizationAggregatorProps = {}) {
    super(scope, id);
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('config.amazonaws.com').withConditions({
        StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
      }),
      description: 'Lets AWS Config list the organization accounts for the ami-share-guard aggregator.',
      managedPolicies: [ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSConfigRoleForOrganizations')],
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSConfigRoleForOrganizations]',
      reason:
        'AWSConfigRoleForOrganizations is the policy AWS documents for organization aggregators: it allows only ' +
        'organizations Describe/List calls, and AWS keeps it current as Config needs new read calls.',
    });
    this.aggregator = new CfnConfigurationAggregator(this, 'Resource', {
      configurationAggregatorName: props.aggregatorName ?? 'ami-share-guard',
      organizationAggregationSource: { roleArn: this.role.roleArn, allAwsRegions: true },
    });
  }
}
