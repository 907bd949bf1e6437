import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';

/**
 * The one place the rule functions' runtime is pinned (bundling targets the same Node version).
 * Node.js 20 as the project asked; Lambda deprecated nodejs20.x on 2026-04-30 and blocks creating
 * functions with it from 2027-02-01: move this and {@link RULE_FUNCTION_NODE_TARGET} together.
 */
export const RULE_FUNCTION_RUNTIME = Runtime.NODEJS_20_X;

/** Graviton: cheaper per GB-second than x86_64 for the same work. */
export const RULE_FUNCTION_ARCHITECTURE = Architecture.ARM_64;

/** esbuild `target` matching {@link RULE_FUNCTION_RUNTIME}. */
export const RULE_FUNCTION_NODE_TARGET = 'node20';
