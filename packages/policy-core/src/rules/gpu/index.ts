import type { Rule } from '../rule.js';
import gpuRequestWithoutLimit from './gpu-request-without-limit.js';
import gpuPrivilegedOrHostDevice from './gpu-privileged-or-host-device.js';
import gpuVisibilityEnvOverride from './gpu-visibility-env-override.js';
import gpuSharedInMultiTenantNamespace from './gpu-shared-in-multi-tenant-namespace.js';
import gpuSharingNotRenamed from './gpu-sharing-not-renamed.js';
import gpuSharedRequestsOverOne from './gpu-shared-requests-over-one.js';
import gpuMixedResourceTypes from './gpu-mixed-resource-types.js';
import gpuSchedulerQueue from './gpu-scheduler-queue.js';
import kueueBypass from './kueue-bypass.js';
import gpuNamespaceWithoutQuota from './gpu-namespace-without-quota.js';

/** The gpu rules, in documentation order. */
export const GPU_RULES: readonly Rule[] = [
  gpuRequestWithoutLimit,
  gpuPrivilegedOrHostDevice,
  gpuVisibilityEnvOverride,
  gpuSharedInMultiTenantNamespace,
  gpuSharingNotRenamed,
  gpuSharedRequestsOverOne,
  gpuMixedResourceTypes,
  gpuSchedulerQueue,
  kueueBypass,
  gpuNamespaceWithoutQuota,
];
