export { metadata, parameterSchema } from './metadata';
export type { EbsDefaultKeyShareableParams } from './metadata';
export { ebsDefaultKey } from './ebsDefaultKey';
export type { EbsDefaultKey } from './ebsDefaultKey';
export { evaluateEbsDefaultKeyShareable } from './evaluate';
export { ebsDefaultKeyShareableRule } from './rule';
