import type { ImageRef } from '../../model/image.js';
import type { ContainerView } from '../../model/workload.js';
import { asArray, asObject, asString } from '../../model/values.js';
import { labelsOf } from '../../model/selector.js';
import type { Severity } from '../../types.js';
import { defineRule } from '../rule.js';
import { containerLabel } from '../pss/common.js';
import { CHECKOV_KUBERNETES, containerImage } from './common.js';

const DASHBOARD_MODULES = new Set(['dashboard', 'dashboard-api', 'dashboard-web', 'dashboard-auth']);
const GOOGLE_REGISTRIES = new Set(['k8s.gcr.io', 'registry.k8s.io', 'gcr.io']);

function baseName(ref: ImageRef): string {
  return ref.repository.slice(ref.repository.lastIndexOf('/') + 1).toLowerCase();
}

function isTillerImage(ref: ImageRef): boolean {
  return baseName(ref) === 'tiller';
}

/** Kubernetes Dashboard UI/API images (not its metrics scraper): kubernetesui/*, kubernetes-dashboard-<arch>. */
function isDashboardImage(ref: ImageRef): boolean {
  const base = baseName(ref);
  if (base.startsWith('kubernetes-dashboard')) return true;
  if (!DASHBOARD_MODULES.has(base)) return false;
  return (
    ref.repository.toLowerCase().split('/').includes('kubernetesui') || GOOGLE_REGISTRIES.has(ref.registry)
  );
}

function argumentsOf(container: ContainerView): string[] {
  return [...asArray(container.spec.command), ...asArray(container.spec.args)].filter(
    (a): a is string => typeof a === 'string',
  );
}

/** `--name`, `--name=true` (Go boolean flags); not `--name=false`. */
function hasBooleanFlag(args: readonly string[], name: string): boolean {
  const pattern = new RegExp(`^--?${name}(=(true|t|1))?$`, 'i');
  return args.some((a) => pattern.test(a.trim()));
}

/** The value of `--name=value` or `--name value`. */
function flagValue(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = (args[i] ?? '').trim();
    if (arg.startsWith(`--${name}=`) || arg.startsWith(`-${name}=`)) return arg.slice(arg.indexOf('=') + 1);
    if (arg === `--${name}` || arg === `-${name}`) return args[i + 1];
  }
  return undefined;
}

function envValue(container: ContainerView, name: string): string | undefined {
  for (const raw of asArray(container.spec.env)) {
    const entry = asObject(raw);
    if (asString(entry?.name) === name) return asString(entry?.value);
  }
  return undefined;
}

interface Verdict {
  severity: Severity;
  message: string;
}

function tillerVerdict(container: ContainerView): Verdict {
  const args = argumentsOf(container);
  const verifyEnv = envValue(container, 'TILLER_TLS_VERIFY');
  const verifies =
    hasBooleanFlag(args, 'tls-verify') || (verifyEnv !== undefined && /^(1|true)$/i.test(verifyEnv.trim()));
  const listen = flagValue(args, 'listen') ?? '';
  const loopback = /^(localhost|127\.0\.0\.1|\[::1\]):/.test(listen.trim());
  const exposure = verifies
    ? 'with TLS client verification'
    : loopback
      ? 'on localhost only, without TLS client verification'
      : 'without TLS client verification on all interfaces, so any pod that reaches port 44134 can install charts with its (usually cluster-admin) permissions';
  return {
    severity: verifies || loopback ? 'high' : 'critical',
    message:
      `${containerLabel(container)} runs Helm v2 Tiller ${exposure}; Helm v2 has been unsupported since ` +
      'November 2020 and Helm 3 needs no in-cluster server.',
  };
}

function dashboardVerdict(container: ContainerView, ref: ImageRef): Verdict {
  const args = argumentsOf(container);
  const risky = ['enable-skip-login', 'enable-insecure-login'].filter((flag) => hasBooleanFlag(args, flag));
  const old = /^v?1\.[0-6](\.|$)/.test(ref.tag ?? '');
  const problems = [
    ...risky.map((flag) => `--${flag}`),
    ...(old
      ? [
          `version ${ref.tag ?? ''} (before 1.7 the Dashboard had no login and acted with its own service account)`,
        ]
      : []),
  ];
  const why = problems.length > 0 ? ` with ${problems.join(', ')}` : '';
  return {
    severity: problems.length > 0 ? 'high' : 'medium',
    message:
      `${containerLabel(container)} runs the Kubernetes Dashboard${why}: a web UI that proxies the Kubernetes ` +
      'API is a prime target, and the project was retired in January 2026.',
  };
}

/** Helm v2 Tiller and the Kubernetes Dashboard (Part A row 63). */
export default defineRule({
  meta: {
    id: 'risky-admin-tool-deployed',
    title: 'Helm Tiller or Kubernetes Dashboard deployed',
    severity: 'medium',
    category: 'control-plane',
    description:
      'A workload runs Helm v2 Tiller (an image whose repository name is `tiller`, such as ' +
      '`gcr.io/kubernetes-helm/tiller` or `ghcr.io/helm/tiller`, or a pod labelled `app: helm` and `name: ' +
      'tiller`) or the Kubernetes Dashboard (`kubernetesui/dashboard`, `kubernetesui/dashboard-api`/`-web`/' +
      '`-auth`, or `kubernetes-dashboard-<arch>` images; the metrics scraper alone is not reported). Tiller is ' +
      'critical when it neither verifies TLS client certificates (`--tls-verify` or `TILLER_TLS_VERIFY=1`) nor ' +
      'listens on localhost only (`--listen=localhost:44134`), high otherwise. The Dashboard is medium, high ' +
      'with `--enable-skip-login` or `--enable-insecure-login` (login over plain HTTP), or a version before 1.7. One finding per container.',
    rationale:
      "Tiller is Helm 2's in-cluster server: `helm init` deploys it with an unauthenticated gRPC endpoint on " +
      'port 44134, usually bound to cluster-admin, so any pod that can reach it can create privileged workloads ' +
      'and read every Secret. Helm 3 removed it and Helm 2 stopped receiving security fixes in November 2020. ' +
      'Exposed Kubernetes Dashboards are a classic initial-access path (the 2018 Tesla cryptojacking incident ' +
      'started at a dashboard without a password); `--enable-skip-login` lets visitors act as the Dashboard ' +
      'service account, and versions before 1.7 had no login at all. The Dashboard project was archived in ' +
      'January 2026 and receives no fixes (MITRE ATT&CK T1133, External Remote Services).',
    sources: [
      {
        title: 'Helm: Removal of Tiller',
        url: 'https://helm.sh/docs/faq/changes_since_helm2/#removal-of-tiller',
      },
      { title: 'Helm v2 deprecation timeline', url: 'https://helm.sh/blog/helm-v2-deprecation-timeline/' },
      {
        title: 'Kubernetes Dashboard (archived)',
        url: 'https://github.com/kubernetes-retired/dashboard',
      },
      {
        title: 'Kubernetes: Deploy and Access the Kubernetes Dashboard',
        url: 'https://kubernetes.io/docs/tasks/access-application-cluster/web-ui-dashboard/',
      },
      CHECKOV_KUBERNETES,
    ],
    remediation:
      'Migrate to Helm 3 (`helm 2to3`) and delete the Tiller Deployment, Service and its cluster-admin binding. ' +
      'Replace the Dashboard with a maintained tool that uses your own credentials (Headlamp, or `kubectl`), or ' +
      'at least remove the risky flags, keep it behind authentication and never bind it to cluster-admin:\n\n' +
      '```yaml\ncontainers:\n  - name: kubernetes-dashboard\n    args:\n      - --auto-generate-certificates\n' +
      '      # no --enable-skip-login, no --enable-insecure-login\n```',
    tags: ['control-plane', 'exposure'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    const labels = labelsOf(workload.podMetadata);
    const tillerLabels = labels.app === 'helm' && labels.name === 'tiller';
    let reportedTiller = false;
    for (const container of workload.containers) {
      const image = containerImage(container);
      let verdict: Verdict | undefined;
      if (image && isTillerImage(image.ref)) verdict = tillerVerdict(container);
      else if (image && isDashboardImage(image.ref)) verdict = dashboardVerdict(container, image.ref);
      if (!verdict) continue;
      if (image && isTillerImage(image.ref)) reportedTiller = true;
      report({
        message: verdict.message,
        path: image?.path ?? container.path,
        container,
        severity: verdict.severity,
      });
    }
    if (tillerLabels && !reportedTiller) {
      const container = workload.containers.find((c) => c.name === 'tiller') ?? workload.containers[0];
      if (!container) return;
      const verdict = tillerVerdict(container);
      report({ message: verdict.message, path: container.path, container, severity: verdict.severity });
    }
  },
});
