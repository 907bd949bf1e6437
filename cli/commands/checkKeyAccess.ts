import type { Command } from 'commander';
import { Option } from 'commander';
import { InvalidInputError } from '../../rules/core/errors';
import type {
  KeyAccessConsumer,
  KeyAccessResult,
  PolicyDocument,
  PolicyKind,
  Purpose,
} from '../../rules/policy';
import { checkKeyAccess, parsePolicyDocument, PolicyParseError, PURPOSE_NAMES } from '../../rules/policy';
import { readInputFile } from '../readJsonFile';

/** Exit codes of `check-key-access`: 0 allowed, 1 denied, 2 bad input, 3 conditional. */
export const CHECK_KEY_ACCESS_EXIT = { allowed: 0, denied: 1, badInput: 2, conditional: 3 } as const;

interface CheckKeyAccessFlags {
  readonly keyPolicy: string;
  readonly keyArn: string;
  readonly consumer: string;
  readonly identityPolicy: readonly string[];
  readonly orgId?: string;
  readonly orgPath: readonly string[];
  readonly purpose: Purpose;
  readonly shareScope: 'consumer' | 'organization' | 'organizational-units';
  readonly format: 'json';
}

async function readPolicy(file: string, flag: string, kind: PolicyKind): Promise<PolicyDocument> {
  const text = await readInputFile(file, flag, `give the path of a ${kind} policy JSON file`);
  try {
    return parsePolicyDocument(text, kind);
  } catch (error) {
    if (error instanceof PolicyParseError) {
      throw new InvalidInputError(
        `${flag} ${file}: ${error.path}`,
        error.message.slice(error.path.length + 2),
        { cause: error },
      );
    }
    throw error;
  }
}

function parseConsumer(value: string, identityPolicies: readonly PolicyDocument[]): KeyAccessConsumer {
  if (/^\d{12}$/.test(value)) {
    if (identityPolicies.length > 0) {
      throw new InvalidInputError(
        '--identity-policy',
        'identity policies belong to a role: give --consumer as a role ARN',
      );
    }
    return { kind: 'account', accountId: value };
  }
  if (/^arn:(aws|aws-cn|aws-us-gov):iam::\d{12}:role\/.+$/.test(value))
    return { kind: 'role', roleArn: value, identityPolicies };
  throw new InvalidInputError(
    '--consumer',
    `"${value}" is neither a 12-digit account id nor an IAM role ARN`,
  );
}

/** Runs the check and prints the JSON result; resolves to the exit code. */
export async function checkKeyAccessAction(flags: CheckKeyAccessFlags): Promise<number> {
  const keyPolicy = await readPolicy(flags.keyPolicy, '--key-policy', 'key');
  const identityPolicies: PolicyDocument[] = [];
  for (const file of flags.identityPolicy)
    identityPolicies.push(await readPolicy(file, '--identity-policy', 'identity'));
  if (flags.orgPath.length > 0 && !flags.orgId)
    throw new InvalidInputError('--org-path', 'needs --org-id as well');
  if (flags.orgId !== undefined && !/^o-[a-z0-9]{10,32}$/.test(flags.orgId)) {
    throw new InvalidInputError('--org-id', `"${flags.orgId}" is not an organization id (o-xxxxxxxxxx)`);
  }
  flags.orgPath.forEach((p) => {
    if (!/^o-[a-z0-9]+\/r-[a-z0-9]+(\/ou-[a-z0-9-]+)*\/$/.test(p)) {
      throw new InvalidInputError(
        '--org-path',
        `"${p}" is not an OU path like o-abcdefghij/r-ab12/ou-ab12-11111111/`,
      );
    }
  });
  const result: KeyAccessResult = checkKeyAccess({
    keyArn: flags.keyArn,
    keyPolicy,
    consumer: parseConsumer(flags.consumer, identityPolicies),
    purpose: flags.purpose,
    ...(flags.orgId ? { organization: { id: flags.orgId, paths: [...flags.orgPath] } } : {}),
    shareScope: flags.shareScope,
  });
  const output = {
    decision: result.decision,
    actions: result.actions,
    missing: result.missing,
    remediation: result.remediation,
    explanation: result.explanation,
    uniqueIdPrincipals: result.uniqueIdPrincipals,
    explicitDenies: result.explicitDenies,
    conditionalKeys: result.conditionalKeys,
    trace: result.trace,
  };
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return CHECK_KEY_ACCESS_EXIT[result.decision];
}

const collect = (value: string, previous: readonly string[]): string[] => [...previous, value];

export function register(program: Command): void {
  program
    .command('check-key-access')
    .description(
      'Can this consumer (account or role) use this KMS key to launch from a shared AMI or for Image Builder distribution? Exit code: 0 allowed, 1 denied, 3 conditional, 2 bad input.',
    )
    .requiredOption(
      '--key-policy <file>',
      'the key policy JSON (aws kms get-key-policy --output text --query Policy)',
    )
    .requiredOption('--key-arn <arn>', 'the key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)')
    .requiredOption(
      '--consumer <accountOrRoleArn>',
      'a 12-digit account id (key-policy side only) or an IAM role ARN (both sides)',
    )
    .option(
      '--identity-policy <file>',
      "one of the role's identity policies (repeatable; none given = none attached)",
      collect,
      [],
    )
    .option('--org-id <id>', "the consumer's organization id, for aws:PrincipalOrgID")
    .option(
      '--org-path <path>',
      "one of the consumer's OU paths, for aws:PrincipalOrgPaths (repeatable)",
      collect,
      [],
    )
    .addOption(
      new Option('--purpose <purpose>', 'what the key is used for')
        .choices(PURPOSE_NAMES)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--share-scope <scope>', 'whom proposed key-policy statements name')
        .choices(['consumer', 'organization', 'organizational-units'])
        .default('consumer'),
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json']).default('json'))
    .addHelpText(
      'after',
      '\nExample:\n  $ ami-share-guard check-key-access --key-policy key.json --key-arn arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab --consumer 444455556666 --purpose launch --format json',
    )
    .action(async (flags: CheckKeyAccessFlags) => {
      process.exitCode = await checkKeyAccessAction(flags);
    });
}
