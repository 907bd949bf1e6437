import type { JsonObject } from '../rules/core/finding';
import type { SharedImage } from '../rules/inventory/model';
import { known } from '../rules/inventory/fact';
import type { InventoryBuilder, RegionBuilder } from '../test/fixtures/inventory';
import {
  allowGrantsStatement,
  allowUseOfKeyStatement,
  keyPolicy,
  rootDelegationStatement,
} from '../test/fixtures/inventory';
import type { CaseBook } from './demoCases';
import {
  BROKEN_REGION,
  DEMO_ACCOUNTS,
  TWIN_REGION,
  demoImageId,
  demoKeyId,
  demoRoleId,
  demoSnapshotId,
  keyArn,
} from './demoIds';

const FACTORY = DEMO_ACCOUNTS.imageFactory;
const PROD = DEMO_ACCOUNTS.workloadsProd;
const SANDBOX = DEMO_ACCOUNTS.workloadsSandbox;

/** A unique principal id left in a key policy after its role was deleted (G3). */
export const STALE_UNIQUE_ID = 'AROAZ3DEMOSTALEROLE01';

interface SharedAmiSpec {
  readonly name: string;
  readonly consumer: string;
  /** Alias of the key its snapshot uses (created in the same Region). */
  readonly keyAlias: string;
}

function keyFor(r: RegionBuilder, alias: string, statements: readonly JsonObject[], state?: string): string {
  const keyId = demoKeyId(`${r.accountId}/${r.region}/${alias}`);
  r.key({
    keyId,
    aliases: [alias],
    policy: keyPolicy(r.accountId, statements),
    ...(state ? { keyState: state, enabled: state === 'Enabled' } : {}),
  });
  return keyId;
}

function sharedAmi(r: RegionBuilder, spec: SharedAmiSpec): { imageId: string; snapshotId: string } {
  const imageId = demoImageId(`${r.accountId}/${r.region}/${spec.name}`);
  const snapshotId = demoSnapshotId(`${r.accountId}/${r.region}/${spec.name}`);
  r.image({
    imageId,
    name: spec.name,
    snapshots: [{ snapshotId, key: spec.keyAlias }],
    sharedWith: [spec.consumer],
    tags: { Name: spec.name },
  });
  return { imageId, snapshotId };
}

/** The consumer-side view of an AMI shared with an account (what DescribeImages -ExecutableUsers returns). */
function consumerView(
  ownerRegion: RegionBuilder,
  name: string,
  imageId: string,
  snapshotId: string,
  kmsKeyArn: string | null,
): SharedImage {
  return {
    imageId,
    name,
    ownerId: ownerRegion.accountId,
    public: false,
    state: 'available',
    blockDeviceMappings: [{ deviceName: '/dev/xvda', snapshotId, encrypted: kmsKeyArn !== null }],
    tags: {},
    snapshots: [
      {
        snapshotId,
        snapshot: known({
          snapshotId,
          ownerId: ownerRegion.accountId,
          encrypted: kmsKeyArn !== null,
          kmsKeyId: kmsKeyArn,
        }),
      },
    ],
  };
}

/** "Allow use of the key" + "Allow attachment of persistent resources" for `consumers` (the article's fix). */
function consumerStatements(owner: string, consumers: readonly string[]): JsonObject[] {
  return [rootDelegationStatement(owner), allowUseOfKeyStatement(consumers), allowGrantsStatement(consumers)];
}

/**
 * Launch scenarios (seed 000 and G): AMIs of image-factory shared with workloads-sandbox in eu-west-1
 * (broken) and with workloads-prod in us-east-1 (fixed twins); L3's launch roles in workloads-prod.
 */
export function addLaunchCases(org: InventoryBuilder, book: CaseBook): void {
  const sharedWithSandbox: SharedImage[] = [];
  const sharedWithProd: SharedImage[] = [];
  const twinKeyArns: string[] = [];

  org.account(FACTORY, (a) =>
    a.region(BROKEN_REGION, (r) => {
      r.awsManagedEbsKey(demoKeyId(`${FACTORY}/${BROKEN_REGION}/aws-ebs`));
      const cases: {
        scenario: 'L1' | 'L2' | 'G1' | 'G2' | 'G3';
        name: string;
        story: string;
        alias: string;
        statements?: JsonObject[];
        state?: string;
      }[] = [
        {
          scenario: 'L1',
          name: 'L1-broken-key-policy',
          story: 'The key policy has no "Allow use of the key" statement for the consumer account.',
          alias: 'alias/L1-broken-key-policy',
          statements: [rootDelegationStatement(FACTORY), allowGrantsStatement([SANDBOX])],
        },
        {
          scenario: 'L2',
          name: 'L2-broken-no-grants',
          story:
            'The key policy lets the consumer use the key but not create grants (no "Allow attachment of persistent resources").',
          alias: 'alias/L2-broken-no-grants',
          statements: [rootDelegationStatement(FACTORY), allowUseOfKeyStatement([SANDBOX])],
        },
        {
          scenario: 'G1',
          name: 'G1-broken-aws-managed-key',
          story: 'A shared AMI whose snapshot is encrypted with the AWS managed key alias/aws/ebs.',
          alias: 'alias/aws/ebs',
        },
        {
          scenario: 'G2',
          name: 'G2-broken-disabled-key',
          story: 'A shared AMI whose customer managed key is disabled.',
          alias: 'alias/G2-broken-disabled-key',
          statements: consumerStatements(FACTORY, [SANDBOX]),
          state: 'Disabled',
        },
        {
          scenario: 'G3',
          name: 'G3-broken-unique-id-principal',
          story:
            "The key policy names the consumer by a deleted role's unique id (AROA…), which grants nothing.",
          alias: 'alias/G3-broken-unique-id-principal',
          statements: [
            rootDelegationStatement(FACTORY),
            allowUseOfKeyStatement([STALE_UNIQUE_ID]),
            allowGrantsStatement([STALE_UNIQUE_ID]),
          ],
        },
      ];
      for (const c of cases) {
        const keyId = c.statements ? keyFor(r, c.alias, c.statements, c.state) : undefined;
        const { imageId, snapshotId } = sharedAmi(r, { name: c.name, consumer: SANDBOX, keyAlias: c.alias });
        const kArn = r.resolveKeyArn(c.alias);
        sharedWithSandbox.push(consumerView(r, c.name, imageId, snapshotId, kArn));
        book.broken(c.scenario, c.story, {
          label: `AMI ${c.name}`,
          ids: [imageId],
          accountId: FACTORY,
          region: BROKEN_REGION,
        });
        if (keyId)
          book.broken(c.scenario, c.story, {
            label: `key ${c.alias}`,
            ids: [keyId, keyArn(FACTORY, BROKEN_REGION, keyId)],
            accountId: FACTORY,
            region: BROKEN_REGION,
          });
      }
    }),
  );

  org.account(FACTORY, (a) =>
    a.region(TWIN_REGION, (r) => {
      const twins: { scenario: 'L1' | 'L2' | 'L3' | 'G1' | 'G2' | 'G3'; name: string; story: string }[] = [
        {
          scenario: 'L1',
          name: 'L1-twin-fixed',
          story: 'Fixed: "Allow use of the key" names the consumer account.',
        },
        {
          scenario: 'L2',
          name: 'L2-twin-fixed',
          story: 'Fixed: "Allow attachment of persistent resources" names the consumer.',
        },
        {
          scenario: 'G1',
          name: 'G1-twin-customer-key',
          story: 'Fixed: the snapshot uses a customer managed key shared with the consumer.',
        },
        { scenario: 'G2', name: 'G2-twin-enabled-key', story: 'Fixed: the key is enabled.' },
        {
          scenario: 'G3',
          name: 'G3-twin-account-principal',
          story: 'Fixed: the key policy names the consumer account, not a unique id.',
        },
      ];
      for (const t of twins) {
        const alias = `alias/${t.name}`;
        const keyId = keyFor(r, alias, consumerStatements(FACTORY, [PROD]));
        const kArn = keyArn(FACTORY, TWIN_REGION, keyId);
        twinKeyArns.push(kArn);
        const { imageId, snapshotId } = sharedAmi(r, { name: t.name, consumer: PROD, keyAlias: alias });
        sharedWithProd.push(consumerView(r, t.name, imageId, snapshotId, kArn));
        book.twin(t.scenario, t.story, {
          label: `AMI ${t.name}`,
          ids: [imageId],
          accountId: FACTORY,
          region: TWIN_REGION,
        });
        book.twin(t.scenario, t.story, {
          label: `key ${alias}`,
          ids: [keyId, kArn],
          accountId: FACTORY,
          region: TWIN_REGION,
        });
      }
    }),
  );

  // Consumers: workloads-sandbox receives the broken AMIs (no role there launches instances);
  // workloads-prod receives the fixed ones and has two launch roles (L3 and its twin).
  org.account(SANDBOX, (a) =>
    a.region(BROKEN_REGION, (r) => sharedWithSandbox.forEach((i) => r.sharedImage(i))),
  );
  const runInstances = { Effect: 'Allow', Action: ['ec2:RunInstances', 'ec2:DescribeImages'], Resource: '*' };
  org.account(PROD, (a) => {
    a.region(TWIN_REGION, (r) => sharedWithProd.forEach((i) => r.sharedImage(i)));
    a.role({
      roleName: 'L3-broken-launcher',
      trustPolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      }),
      inlinePolicies: [
        {
          policyName: 'LaunchInstances',
          document: JSON.stringify({ Version: '2012-10-17', Statement: [runInstances] }),
        },
      ],
    });
    a.role({
      roleName: 'L3-twin-launcher',
      trustPolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      }),
      inlinePolicies: [
        {
          policyName: 'LaunchInstances',
          document: JSON.stringify({ Version: '2012-10-17', Statement: [runInstances] }),
        },
        {
          policyName: 'KmsKeyUsagePolicy',
          document: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: [
                  'kms:Decrypt',
                  'kms:DescribeKey',
                  'kms:ReEncrypt*',
                  'kms:GenerateDataKey*',
                  'kms:Encrypt',
                ],
                Resource: twinKeyArns,
              },
              {
                Effect: 'Allow',
                Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
                Resource: twinKeyArns,
                Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
              },
            ],
          }),
        },
      ],
    });
  });
  const roleArn = (name: string) => `arn:aws:iam::${PROD}:role/${name}`;
  book.broken(
    'L3',
    "The consumer's launch role has no IAM permission on the foreign key (KmsKeyUsagePolicy missing).",
    {
      label: 'role L3-broken-launcher',
      ids: [roleArn('L3-broken-launcher'), 'L3-broken-launcher', demoRoleId(PROD, 'L3-broken-launcher')],
      accountId: PROD,
      region: TWIN_REGION,
    },
  );
  book.twin('L3', "Fixed: the launch role has the article's KmsKeyUsagePolicy on the foreign keys.", {
    label: 'role L3-twin-launcher',
    ids: [roleArn('L3-twin-launcher'), 'L3-twin-launcher', demoRoleId(PROD, 'L3-twin-launcher')],
    accountId: PROD,
    region: TWIN_REGION,
  });
}
