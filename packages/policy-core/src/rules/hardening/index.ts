import type { Rule } from '../rule.js';
import dangerousCapabilities from './dangerous-capabilities.js';
import netRawNotDropped from './net-raw-not-dropped.js';
import sensitiveHostPath from './sensitive-host-path.js';
import writableHostPath from './writable-host-path.js';
import sysctlInjection from './sysctl-injection.js';
import runcWorkingDirFdLeak from './runc-working-dir-fd-leak.js';
import userNamespacesNotUsed from './user-namespaces-not-used.js';
import hostUsersWithHostNamespaces from './host-users-with-host-namespaces.js';
import untrustedWorkloadNotSandboxed from './untrusted-workload-not-sandboxed.js';
import readOnlyRootFilesystem from './read-only-root-filesystem.js';
import rootGroup from './root-group.js';
import lowUidGid from './low-uid-gid.js';
import sshPort from './ssh-port.js';
import privilegedPort from './privileged-port.js';
import podSecurityContextMissing from './pod-security-context-missing.js';

/** The hardening rules, in documentation order. */
export const HARDENING_RULES: readonly Rule[] = [
  dangerousCapabilities,
  netRawNotDropped,
  sensitiveHostPath,
  writableHostPath,
  sysctlInjection,
  runcWorkingDirFdLeak,
  userNamespacesNotUsed,
  hostUsersWithHostNamespaces,
  untrustedWorkloadNotSandboxed,
  readOnlyRootFilesystem,
  rootGroup,
  lowUidGid,
  sshPort,
  privilegedPort,
  podSecurityContextMissing,
];
