export { PolicyParseError } from './PolicyParseError';
export { parsePolicyDocument, POLICY_LIMITS } from './parsePolicyDocument';
export type {
  PolicyDocument,
  PolicyStatement,
  PolicyKind,
  PrincipalEntry,
  ConditionClause,
  SetQualifier,
  Effect,
} from './policyTypes';
export { CONDITION_OPERATORS, findConditionOperator } from './conditionOperators';
export type { ConditionOperator } from './conditionOperators';
export { requestContext, withContext, contextValues } from './requestContext';
export type { RequestContext, ContextInput } from './requestContext';
export { parsePrincipalRef } from './principalRef';
export type { PrincipalRef } from './principalRef';
export type { Decision, StatementRef } from './decision';
export type { Tri } from './tri';
export { evaluatePolicy } from './evaluatePolicy';
export type { PolicyEvaluation, PolicyRequest, StatementHit } from './evaluatePolicy';
export { evaluateKmsRequest } from './evaluateKmsRequest';
export type { KmsRequest, KmsActionEvaluation } from './evaluateKmsRequest';
export { evaluateIdentityPolicies } from './evaluateIdentityPolicies';
export type { IdentityEvaluation } from './evaluateIdentityPolicies';
export { evaluateTrustPolicy } from './evaluateTrustPolicy';
export type { TrustEvaluation } from './evaluateTrustPolicy';
export { findUniqueIdPrincipals } from './findUniqueIdPrincipals';
export type { KmsGrant } from './grants';
export { CROSS_ACCOUNT_KMS_ACTIONS, parseKeyArn } from './kmsActions';
export {
  PURPOSES,
  PURPOSE_NAMES,
  IMAGE_BUILDER_SLR_POLICY,
  imageBuilderServiceRoleArn,
  imageBuilderTargetRoleArn,
} from './purposes';
export type { Purpose, PurposeSpec } from './purposes';
export { purposeContext } from './purposeContext';
export type { OrganizationInfo } from './purposeContext';
export { buildRemediation, identityRemediation } from './remediation';
export { findNamedPrincipals } from './namedPrincipals';
export type { Remediation, RemediationPrincipal } from './remediation';
export { explainDecision, EXPLANATION_MAX } from './explainDecision';
export { checkKeyAccess } from './checkKeyAccess';
export type {
  KeyAccessInput,
  KeyAccessResult,
  KeyAccessConsumer,
  KeyAccessActionResult,
  KeyAccessTraceEntry,
} from './checkKeyAccess';
