import { defineRule } from '../rule.js';
import { FLAG_INPUT_KINDS, componentConfigs, parseGoInt } from './common.js';
import { CIS_KUBE_BENCH, KUBE_APISERVER_REFERENCE } from './sources.js';

/** Retention flags: unset or 0 means no limit (no age/count based deletion; lumberjack's 100 MB rotation). */
const RETENTION = [
  { flag: 'audit-log-maxage', minimum: 30, unit: 'days', cis: '1.2.17' },
  { flag: 'audit-log-maxbackup', minimum: 10, unit: 'rotated files', cis: '1.2.18' },
  { flag: 'audit-log-maxsize', minimum: 100, unit: 'MB per file', cis: '1.2.19' },
] as const;

/** API-004: kube-apiserver audit logging. */
export default defineRule({
  meta: {
    id: 'apiserver-audit-logging',
    title: 'kube-apiserver audit logging off or too short-lived',
    severity: 'medium',
    category: 'control-plane',
    description:
      'For kube-apiserver (static Pod or kubeadm `ClusterConfiguration`; kubeadm sets no audit flags): reports no ' +
      'audit backend — neither `--audit-log-path` nor `--audit-webhook-config-file` (CIS 1.2.16); a backend without ' +
      '`--audit-policy-file`, with which the API server records no events at all (medium); and, for a log file, ' +
      '`--audit-log-maxage` below 30, `--audit-log-maxbackup` below 10 or `--audit-log-maxsize` below 100 (low each, ' +
      'CIS 1.2.17–1.2.19). Unset retention flags are not reported: 0, their default, means no age or count limit. ' +
      'Templated values are not judged.',
    rationale:
      'Audit events are the only record of who read which secret, who created the privileged pod or who bound ' +
      'cluster-admin; without them incident response cannot reconstruct an intrusion, and an attacker who clears ' +
      'traces (ATT&CK T1070) leaves nothing behind. Short retention deletes the trail before most intrusions are ' +
      'detected. The NSA/CISA Kubernetes Hardening Guide calls for audit logging of the API server.',
    sources: [
      { title: 'Auditing', url: 'https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/' },
      KUBE_APISERVER_REFERENCE,
      CIS_KUBE_BENCH,
      {
        title: 'NSA, CISA release Kubernetes Hardening Guidance',
        url: 'https://www.nsa.gov/Press-Room/News-Highlights/Article/Article/2716980/nsa-cisa-release-kubernetes-hardening-guidance/',
      },
    ],
    remediation:
      'Give the API server an audit policy and a log backend with enough retention (mount the directories into ' +
      'the static pod):\n\n```yaml\n        - --audit-policy-file=/etc/kubernetes/audit-policy.yaml\n' +
      '        - --audit-log-path=/var/log/kubernetes/audit/audit.log\n        - --audit-log-maxage=30\n' +
      '        - --audit-log-maxbackup=10\n        - --audit-log-maxsize=100\n```',
    tags: ['api-server', 'cis-benchmark', 'audit'],
  },
  match: { kinds: FLAG_INPUT_KINDS },
  // Only kube-apiserver configurations are evaluated (and scored); other Pods are not its business.
  appliesToResource: (resource) => componentConfigs(resource, 'kube-apiserver').length > 0,
  check({ resource, report }) {
    for (const config of componentConfigs(resource, 'kube-apiserver')) {
      const base = { container: config.container };
      const logPath = config.flag('audit-log-path');
      const webhook = config.flag('audit-webhook-config-file');
      const policy = config.flag('audit-policy-file');
      if ([logPath, webhook, policy].some((f) => f?.templated)) continue;
      const hasLog = logPath !== undefined && logPath.value !== '';
      const hasWebhook = webhook !== undefined && webhook.value !== '';
      if (!hasLog && !hasWebhook) {
        report({
          ...base,
          message:
            `${config.subject} has no audit backend (neither --audit-log-path nor --audit-webhook-config-file), so ` +
            'API requests leave no audit trail.',
          path: logPath?.path ?? config.missingPath,
          key: 'backend',
        });
        continue;
      }
      if (!policy || policy.value === '') {
        report({
          ...base,
          message: `${config.subject} sets an audit backend but no --audit-policy-file, so no audit events are recorded.`,
          path: policy?.path ?? (hasLog ? logPath.path : webhook!.path),
          key: 'policy',
        });
      }
      if (!hasLog || logPath.value === '-') continue;
      for (const { flag, minimum, unit, cis } of RETENTION) {
        const value = config.flag(flag);
        const n = value && !value.templated ? parseGoInt(value.value) : undefined;
        if (value === undefined || n === undefined || n <= 0 || n >= minimum) continue;
        report({
          ...base,
          message: `${config.subject} sets --${flag}=${n} (below ${minimum} ${unit}, CIS ${cis}): the API server keeps too little audit history to investigate an intrusion.`,
          path: value.path,
          severity: 'low',
          key: flag,
        });
      }
    }
  },
});
