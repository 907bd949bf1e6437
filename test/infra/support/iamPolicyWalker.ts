/**
 * Walks every IAM policy in a CloudFormation template (identity policies of roles, policies and
 * managed policies, and the templates a StackSet carries) and reports least-privilege breaches.
 */

export interface StatementView {
  /** Where the statement lives, e.g. `RuleFunctionsRoleDefaultPolicy` or `MemberRole>ExecutionRole`. */
  readonly source: string;
  readonly effect: string;
  readonly actions: readonly string[];
  readonly notActions: boolean;
  readonly resources: readonly string[];
  readonly hasCondition: boolean;
}

export interface TemplateIam {
  readonly statements: readonly StatementView[];
  /** Managed policy ARNs attached to roles, rendered to strings. */
  readonly managedPolicies: readonly string[];
}

type Json = Record<string, unknown>;

/** Renders an intrinsic to a readable string: Ref → `<X>`, GetAtt → `<X.Attr>`, Join joined. */
export function render(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(render).join(',');
  if (value && typeof value === 'object') {
    const obj = value as Json;
    if ('Ref' in obj) return `<${String(obj.Ref)}>`;
    if ('Fn::GetAtt' in obj) return `<${(obj['Fn::GetAtt'] as string[]).join('.')}>`;
    if ('Fn::Join' in obj) {
      const [sep, parts] = obj['Fn::Join'] as [string, unknown[]];
      return parts.map(render).join(sep);
    }
    if ('Fn::Sub' in obj) return render(obj['Fn::Sub']);
  }
  return JSON.stringify(value);
}

function asList(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function statementsOf(document: unknown, source: string): StatementView[] {
  const statements = asList((document as Json | undefined)?.Statement) as Json[];
  return statements.map((s) => ({
    source,
    effect: String(s.Effect),
    actions: asList(s.Action ?? s.NotAction).map(render),
    notActions: s.NotAction !== undefined,
    resources: asList(s.Resource ?? s.NotResource).map(render),
    hasCondition: s.Condition !== undefined,
  }));
}

/** Every identity-policy statement and managed policy ARN in the template, StackSet bodies included. */
export function templateIam(template: Json, prefix = ''): TemplateIam {
  const statements: StatementView[] = [];
  const managedPolicies: string[] = [];
  const resources = (template.Resources ?? {}) as Record<string, { Type: string; Properties?: Json }>;
  for (const [id, resource] of Object.entries(resources)) {
    const props = resource.Properties ?? {};
    const source = `${prefix}${id}`;
    switch (resource.Type) {
      case 'AWS::IAM::Policy':
      case 'AWS::IAM::ManagedPolicy':
        statements.push(...statementsOf(props.PolicyDocument, source));
        break;
      case 'AWS::IAM::Role':
        for (const policy of asList(props.Policies) as Json[]) {
          statements.push(...statementsOf(policy.PolicyDocument, source));
        }
        managedPolicies.push(...asList(props.ManagedPolicyArns).map(render));
        break;
      case 'AWS::CloudFormation::StackSet': {
        const inner = templateIam(JSON.parse(String(props.TemplateBody)) as Json, `${source}>`);
        statements.push(...inner.statements);
        managedPolicies.push(...inner.managedPolicies);
        break;
      }
      default:
        break;
    }
  }
  return { statements, managedPolicies };
}

/** Actions no role of the pack may have: they read or use data, or change access. */
export const FORBIDDEN_ACTIONS: readonly RegExp[] = [
  /^kms:(Encrypt|Decrypt|ReEncrypt.*|GenerateDataKey.*|GenerateMac|Sign|CreateGrant|PutKeyPolicy|ScheduleKeyDeletion)$/i,
  /^s3:GetObject.*$/i,
  /^ssm:GetParameter.*$/i,
  /^secretsmanager:GetSecretValue$/i,
  /^iam:(PassRole|Create.*|Put.*|Attach.*|Update.*|Delete.*)$/i,
  /^ec2:(Modify.*Attribute|CopyImage|CopySnapshot|CreateVolume)$/i,
  /^sts:AssumeRole$/i, // allowed only where listed in ALLOWED_ASSUME_ROLE_SOURCES (see below)
];

const READ_VERBS = /^[a-z0-9-]+:(Describe|Get|List|BatchGet|Select|Lookup|Search)/i;

/** Write actions allowed on `Resource: "*"`, with the reason (no resource-level permission exists). */
export const WRITE_ON_ANY_RESOURCE: Readonly<Record<string, string>> = {
  'config:PutEvaluations':
    'PutEvaluations defines no resource type in IAM; the ResultToken from the invoking event binds it to one rule.',
};

export interface Breach {
  readonly source: string;
  readonly problem: string;
}

/**
 * The least-privilege breaches in a template's IAM. `assumeRoleSources` lists the sources (policy
 * logical id prefixes) allowed `sts:AssumeRole`, which must then carry a condition.
 */
export function leastPrivilegeBreaches(
  iam: TemplateIam,
  assumeRoleSources: readonly string[] = [],
): Breach[] {
  const breaches: Breach[] = [];
  for (const s of iam.statements) {
    if (s.effect !== 'Allow') continue;
    if (s.notActions) breaches.push({ source: s.source, problem: 'NotAction grants everything else' });
    for (const action of s.actions) {
      if (action.includes('*')) breaches.push({ source: s.source, problem: `wildcard action ${action}` });
      const assumeAllowed =
        /^sts:AssumeRole$/i.test(action) &&
        assumeRoleSources.some((p) => s.source.startsWith(p)) &&
        s.hasCondition;
      if (!assumeAllowed && FORBIDDEN_ACTIONS.some((re) => re.test(action))) {
        breaches.push({ source: s.source, problem: `forbidden action ${action}` });
      }
      if (READ_VERBS.test(action)) continue;
      for (const resource of s.resources) {
        if (resource === '*' && !(action in WRITE_ON_ANY_RESOURCE)) {
          breaches.push({ source: s.source, problem: `write action ${action} on Resource "*"` });
        }
        const account = resource.split(':')[4];
        if (resource !== '*' && account === '*' && !s.hasCondition) {
          breaches.push({
            source: s.source,
            problem: `write action ${action} on any account (${resource}) without condition`,
          });
        }
      }
    }
  }
  return breaches;
}
