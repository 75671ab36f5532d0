import type { Rule } from '../rule.js';
import memoryLimitMissing from './memory-limit-missing.js';
import resourceRequestsMissing from './resource-requests-missing.js';
import cpuLimitMissing from './cpu-limit-missing.js';
import ephemeralStorageUnset from './ephemeral-storage-unset.js';
import readinessProbeMissing from './readiness-probe-missing.js';
import livenessProbeMissing from './liveness-probe-missing.js';
import probePortUnknown from './probe-port-unknown.js';
import probesIdentical from './probes-identical.js';
import selectorMismatch from './selector-mismatch.js';
import restartPolicyInvalid from './restart-policy-invalid.js';
import duplicateEnvVar from './duplicate-env-var.js';
import serviceSelectsNothing from './service-selects-nothing.js';
import ingressBackendMissing from './ingress-backend-missing.js';
import pdbBlocksEviction from './pdb-blocks-eviction.js';
import pdbMissing from './pdb-missing.js';
import singleReplica from './single-replica.js';
import antiAffinityMissing from './anti-affinity-missing.js';
import hpaTargetMissing from './hpa-target-missing.js';
import hpaMinReplicas from './hpa-min-replicas.js';
import replicasSetWithHpa from './replicas-set-with-hpa.js';
import cronjobStartingDeadlineMissing from './cronjob-starting-deadline-missing.js';
import cronjobConcurrencyAllowed from './cronjob-concurrency-allowed.js';
import jobTtlMissing from './job-ttl-missing.js';
import priorityClassMissing from './priority-class-missing.js';

/** The reliability rules, in documentation order: resources, probes, validity, references, availability, batch. */
export const RELIABILITY_RULES: readonly Rule[] = [
  memoryLimitMissing,
  resourceRequestsMissing,
  cpuLimitMissing,
  ephemeralStorageUnset,
  readinessProbeMissing,
  livenessProbeMissing,
  probePortUnknown,
  probesIdentical,
  selectorMismatch,
  restartPolicyInvalid,
  duplicateEnvVar,
  serviceSelectsNothing,
  ingressBackendMissing,
  pdbBlocksEviction,
  pdbMissing,
  singleReplica,
  antiAffinityMissing,
  hpaTargetMissing,
  hpaMinReplicas,
  replicasSetWithHpa,
  cronjobStartingDeadlineMissing,
  cronjobConcurrencyAllowed,
  jobTtlMissing,
  priorityClassMissing,
];
