import type { SimAccount, SimRegion, SyntheticOrganization } from '../synthetic/syntheticModel';

/** An AWS error as the simulated service returns it (the code is what the SDK's error `name` becomes). */
export class SimError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }
}

export interface SimResponse {
  readonly body: string;
  readonly contentType: string;
  /** Items returned (for per-item latency). */
  readonly items?: number;
}

export interface StoredEvaluation {
  readonly resourceType: string;
  readonly resourceId: string;
  readonly complianceType: string;
  readonly annotation?: string;
  readonly orderingTimestamp: number;
}

export interface SimCallContext {
  readonly org: SyntheticOrganization;
  readonly accountId: string;
  readonly region: string;
  readonly account: SimAccount | undefined;
  readonly regionState: SimRegion | undefined;
}

export type OperationHandler = (params: Record<string, unknown>, ctx: SimCallContext) => SimResponse;
