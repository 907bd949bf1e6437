export { startMemorySampler } from './memorySampler';
export type { MemoryFigures } from './memorySampler';
export { rateLimitBound } from './rateLimitBound';
export type { BoundFigures, RequiredCalls } from './rateLimitBound';
