import { z } from 'zod';

/** The fields BatchImportFindings requires (API model) plus Severity and Types (the guide), with their limits. */
export const AsffRequired = z.object({
  SchemaVersion: z.literal('2018-10-08'),
  Id: z.string().min(1).max(512),
  ProductArn: z.string().regex(/^arn:aws:securityhub:[a-z0-9-]+:\d{12}:product\/\d{12}\/default$/),
  GeneratorId: z.string().min(1).max(512),
  AwsAccountId: z.string().regex(/^\d{12}$/),
  CreatedAt: z.iso.datetime(),
  UpdatedAt: z.iso.datetime(),
  Title: z.string().min(1).max(256),
  Description: z.string().min(1).max(1024),
  Resources: z
    .array(
      z.object({ Type: z.string().min(1), Id: z.string().min(1), Partition: z.string(), Region: z.string() }),
    )
    .min(1)
    .max(32),
  Severity: z.object({ Label: z.enum(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL']) }),
  FindingProviderFields: z.object({
    Severity: z.object({ Label: z.enum(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL']) }),
    Types: z.array(z.string().regex(/^[^/]+\/[^/]+\/[^/]+$/)).min(1),
  }),
  Types: z
    .array(z.string().regex(/^[^/]+\/[^/]+\/[^/]+$/, 'namespace/category/classifier'))
    .min(1)
    .max(50),
  Remediation: z.object({ Recommendation: z.object({ Text: z.string().min(1).max(512) }) }),
  ProductFields: z.record(z.string().max(128), z.string().max(2048)),
  Compliance: z.object({ Status: z.enum(['PASSED', 'WARNING', 'FAILED', 'NOT_AVAILABLE']) }),
});
