import { Annotations, Aws, CfnParameter, Stack, type StackProps } from 'aws-cdk-lib';
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ORGANIZATION_READ_ACTIONS } from '../rules/inventory/readPermissions';
import { Construct, type IDependable } from 'constructs';
import { allRules, type RegisteredRule } from '../rules/index';
import { DEFAULT_EXECUTION_ROLE_NAME } from './conformancePack/conformancePackTemplate';
import { MemberRoleStackSet } from './MemberRoleStackSet';
import { ComplianceReport } from './outputs/ComplianceReport';
import { withSecurityHubImport } from './outputs/securityHubImportStatements';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { OrganizationAggregator } from './OrganizationAggregator';
import { OrganizationPack } from './OrganizationPack';
import { OrganizationRules } from './OrganizationRules';
import { suppressRuleFunctionFindings } from './ruleFunctionNagSuppressions';
import { RuleFunctions, type RuleFunctionsProps } from './RuleFunctions';
import type { RuleParameterOverrides } from './ruleInputParameters';

/** How the rules reach the member accounts. */
export type OrganizationDeployment = 'rules' | 'conformance-pack';

export interface AmiShareGuardOrganizationStackProps extends StackProps {
  /**
   * The rules to deploy.
   * @default allRules (the registry)
   */
  readonly rules?: readonly RegisteredRule[];
  /**
   * The Lambda entry file of a rule.
   * @default `rules/<id>/handler.ts`
   */
  readonly handlerEntry?: (ruleId: string) => string;
  /**
   * Values for rule parameters, over the metadata defaults.
   * @default - the metadata defaults
   */
  readonly ruleParameters?: RuleParameterOverrides;
  /**
   * Organization Config rules (`AWS::Config::OrganizationConfigRule`) or one organization
   * conformance pack.
   * @default 'rules'
   */
  readonly deployAs?: OrganizationDeployment;
  /**
   * The organization id (`o-…`): the functions may assume roles only in its accounts.
   * @default - a CloudFormation parameter `OrganizationId`, asked at deploy time
   */
  readonly organizationId?: string;
  /**
   * The organization root (`r-…`) or OUs (`ou-…`) that receive the member role.
   * @default - a CloudFormation parameter `TargetOrganizationalUnitIds`, asked at deploy time
   */
  readonly targetOrganizationalUnitIds?: readonly string[];
  /**
   * The member role's name (at path `/`).
   * @default 'AmiShareGuardExecutionRole'
   */
  readonly executionRoleName?: string;
  /**
   * Accounts the rules are not deployed to.
   * @default - none
   */
  readonly excludedAccounts?: readonly string[];
  /**
   * The member accounts whose Config may invoke the functions: one `SourceAccount`-restricted
   * permission per account and function (AWS's documented restriction for Config). Lambda
   * permissions cannot express "any account of organization o-…" for a service principal
   * (`PrincipalOrgID` tests the caller's organization, which a service principal has none of;
   * `aws:SourceOrgID` is not settable through AddPermission; `SourceArn` rejects an account
   * wildcard), so the accounts are listed.
   * @default - only this account (fail closed: member evaluations are refused until the accounts
   *   are listed or {@link allowConfigInvokeFromAnyAccount} is set); a synth warning says so
   */
  readonly invokerAccounts?: readonly string[];
  /**
   * Let `config.amazonaws.com` invoke the functions from any account (the RDK default), for
   * organizations too large to list (a function policy holds about 60 account statements). The
   * functions still act only inside the organization: they can assume the member role only in
   * its accounts (`aws:ResourceOrgID`), so a foreign rule gets no evaluation, only an invocation.
   * @default false
   */
  readonly allowConfigInvokeFromAnyAccount?: boolean;
  /**
   * How the StackSet is called: `DELEGATED_ADMIN` from the delegated administrator account,
   * `SELF` from the management account.
   * @default 'DELEGATED_ADMIN'
   */
  readonly callAs?: 'DELEGATED_ADMIN' | 'SELF';
  /**
   * Whether to create the organization Config aggregator.
   * @default true
   */
  readonly aggregator?: boolean;
  /**
   * Memory, timeout and log retention of the rule functions.
   * @default - see {@link RuleFunctionsProps}
   */
  readonly functionOptions?: Pick<RuleFunctionsProps, 'memorySize' | 'timeout' | 'logRetention'>;
  /**
   * Send every run's findings to Security Hub, from each member account through the member role
   * (rule parameter `SecurityHubImport=true`). See outputs/README.md.
   * @default false
   */
  readonly securityHubImport?: boolean;
  /**
   * The scheduled compliance report (daily, from the organization aggregator, to a private S3
   * bucket). Needs the aggregator.
   * @default true when the aggregator is created
   */
  readonly report?: boolean;
  /**
   * An SNS topic for the report's notice.
   * @default - no notice
   */
  readonly reportTopicArn?: string;
}

/**
 * Organization mode, for the delegated administrator account: the rule functions, their invoke
 * permissions, the rules for every account (org rules or an org conformance pack), the member
 * role (service-managed StackSet) and an organization aggregator.
 *
 * Structure: `RuleFunctions`, `Rules`, `MemberRole`, `Aggregator`, `Outputs` (the slot for the
 * Security Hub import and the scheduled report functions, issue "outputs").
 */
export class AmiShareGuardOrganizationStack extends Stack {
  readonly ruleFunctions: RuleFunctions;
  readonly memberRole: MemberRoleStackSet;
  readonly aggregator?: OrganizationAggregator;
  readonly executionRoleName: string;
  /** Where the output functions (Security Hub import, scheduled report) are added. */
  readonly outputs: Construct;
  /** The scheduled compliance report, when deployed. */
  readonly report?: ComplianceReport;

  constructor(scope: Construct, id: string, props: AmiShareGuardOrganizationStackProps = {}) {
    super(scope, id, props);
    const rules = props.rules ?? allRules;
    const deployAs = props.deployAs ?? 'rules';
    this.executionRoleName = props.executionRoleName ?? DEFAULT_EXECUTION_ROLE_NAME;

    const organizationId =
      props.organizationId ??
      new CfnParameter(this, 'OrganizationId', {
        type: 'String',
        allowedPattern: '^o-[a-z0-9]{10,32}$',
        description: 'The organization id (o-…): the rule functions may assume roles only in its accounts.',
      }).valueAsString;
    const targets = props.targetOrganizationalUnitIds
      ? [...props.targetOrganizationalUnitIds]
      : new CfnParameter(this, 'TargetOrganizationalUnitIds', {
          type: 'CommaDelimitedList',
          description: 'The organization root (r-…) or OUs (ou-…) that receive the member role.',
        }).valueAsList;

    this.ruleFunctions = new RuleFunctions(this, 'RuleFunctions', {
      rules,
      ...(props.handlerEntry ? { handlerEntry: props.handlerEntry } : {}),
      ...props.functionOptions,
      statements: [
        new PolicyStatement({
          sid: 'AssumeMemberRoleInOrganization',
          effect: Effect.ALLOW,
          actions: ['sts:AssumeRole'],
          resources: [`arn:${Aws.PARTITION}:iam::*:role/${this.executionRoleName}`],
          conditions: { StringEquals: { 'aws:ResourceOrgID': organizationId } },
        }),
        // The rules read the organization (accounts, OU paths for aws:PrincipalOrgPaths) with the
        // functions' own credentials, in this delegated administrator account.
        new PolicyStatement({
          sid: 'ReadOrganizationStructure',
          effect: Effect.ALLOW,
          actions: [...ORGANIZATION_READ_ACTIONS],
          resources: ['*'],
        }),
      ],
    });
    suppressRuleFunctionFindings(this.ruleFunctions, [
      {
        finding: `Resource::arn:<AWS::Partition>:iam::*:role/${this.executionRoleName}`,
        reason:
          'sts:AssumeRole on the one member role name, in any account of the organization only ' +
          '(aws:ResourceOrgID condition): accounts join the organization after deployment.',
      },
      {
        finding: 'Resource::*',
        reason:
          'Read-only Organizations calls (DescribeOrganization, ListRoots, ListAccountsForParent, ' +
          'ListOrganizationalUnitsForParent) over the whole organization tree, whose OU ids are not known at deploy time.',
      },
    ]);

    const permissions: IDependable[] = [];
    const invokers =
      props.invokerAccounts && props.invokerAccounts.length > 0 ? props.invokerAccounts : undefined;
    if (!invokers && !props.allowConfigInvokeFromAnyAccount && rules.length > 0) {
      Annotations.of(this).addWarningV2(
        'ami-share-guard:invokerAccounts',
        "No invokerAccounts: only this account's Config may invoke the rule functions, so member-account " +
          'evaluations are refused. Pass -c invokerAccounts=<ids> (or allowConfigInvokeFromAnyAccount=true).',
      );
    }
    for (const fn of this.ruleFunctions.functions) {
      const principal = new ServicePrincipal('config.amazonaws.com');
      const grants: { id: string; sourceAccount?: string }[] = props.allowConfigInvokeFromAnyAccount
        ? [{ id: 'ConfigInvokeAnyAccount' }]
        : invokers
          ? invokers.map((account) => ({ id: `ConfigInvoke${account}`, sourceAccount: account }))
          : [{ id: 'ConfigInvokeThisAccountOnly', sourceAccount: this.account }];
      for (const grant of grants) {
        fn.addPermission(grant.id, {
          principal,
          ...(grant.sourceAccount ? { sourceAccount: grant.sourceAccount } : {}),
        });
        permissions.push(fn.node.findChild(grant.id));
      }
    }

    this.memberRole = new MemberRoleStackSet(this, 'MemberRole', {
      ruleFunctionRoleArn: this.ruleFunctions.role.roleArn,
      executionRoleName: this.executionRoleName,
      organizationalUnitIds: targets,
      ...(props.callAs ? { callAs: props.callAs } : {}),
    });

    const ruleParameters = props.securityHubImport
      ? withSecurityHubImport(rules, props.ruleParameters)
      : props.ruleParameters;
    // Rules start evaluating as soon as they exist: the member role should be there first.
    const common = {
      rules,
      functions: this.ruleFunctions,
      executionRoleName: this.executionRoleName,
      dependsOn: [...permissions, this.memberRole],
      ...(ruleParameters ? { ruleParameters } : {}),
      ...(props.excludedAccounts ? { excludedAccounts: props.excludedAccounts } : {}),
    };
    if (deployAs === 'rules') new OrganizationRules(this, 'Rules', common);
    else new OrganizationPack(this, 'Rules', common);

    if (props.aggregator ?? true) this.aggregator = new OrganizationAggregator(this, 'Aggregator');
    this.outputs = new Construct(this, 'Outputs');
    if (this.aggregator && (props.report ?? true)) {
      const aggregator = this.aggregator.aggregator;
      this.report = new ComplianceReport(this.outputs, 'Report', {
        aggregator: {
          name: aggregator.configurationAggregatorName ?? 'ami-share-guard',
          arn: aggregator.attrConfigurationAggregatorArn,
        },
        rules,
        ...(props.reportTopicArn
          ? { notificationTopic: Topic.fromTopicArn(this, 'ReportTopic', props.reportTopicArn) }
          : {}),
      });
    }
  }
}
