import type { Rule } from '../rule.js';
import apiserverAuthorizationMode from './apiserver-authorization-mode.js';
import apiserverAnonymousAuth from './apiserver-anonymous-auth.js';
import apiserverAdmissionPlugins from './apiserver-admission-plugins.js';
import apiserverOptionalAdmissionPlugins from './apiserver-optional-admission-plugins.js';
import apiserverAuditLogging from './apiserver-audit-logging.js';
import controlPlaneHardeningFlags from './control-plane-hardening-flags.js';
import apiserverInflightLimits from './apiserver-inflight-limits.js';
import apfExemptBroadSubjects from './apf-exempt-broad-subjects.js';
import apfFlowSchemaPrecedence from './apf-flow-schema-precedence.js';
import apfPriorityLevelConfig from './apf-priority-level-config.js';
import deprecatedConfigApi from './deprecated-config-api.js';

/** The control-plane rules, in documentation order. */
export const CONTROL_PLANE_RULES: readonly Rule[] = [
  apiserverAuthorizationMode,
  apiserverAnonymousAuth,
  apiserverAdmissionPlugins,
  apiserverOptionalAdmissionPlugins,
  apiserverAuditLogging,
  controlPlaneHardeningFlags,
  apiserverInflightLimits,
  apfExemptBroadSubjects,
  apfFlowSchemaPrecedence,
  apfPriorityLevelConfig,
  deprecatedConfigApi,
];
