import { defineRule } from '../rule.js';
import type { Path } from '../../types.js';
import { FLAG_INPUT_KINDS, componentConfigs, parseGoBool, parseGoInt } from './common.js';
import { APF_DOC, KUBE_APISERVER_REFERENCE } from './sources.js';

const READ_DEFAULT = 400;
const WRITE_DEFAULT = 200;

/** API-006: inflight limits and API Priority and Fairness switched off, inverted or absurd. */
export default defineRule({
  meta: {
    id: 'apiserver-inflight-limits',
    title: 'kube-apiserver concurrency limits disabled, inverted or out of range',
    severity: 'medium',
    category: 'control-plane',
    description:
      'For kube-apiserver (static Pod or kubeadm `ClusterConfiguration`): `--enable-priority-and-fairness=false` ' +
      '(high). With API Priority and Fairness off, `--max-requests-inflight` (default 400) and ' +
      '`--max-mutating-requests-inflight` (default 200) each limit their class and 0 removes that limit: either set ' +
      'to 0 is high, mutating above read-only is medium, and a read:write ratio above 4:1 or a total below 100 or ' +
      'above 10000 is low. With APF on (the default), the two flags are only summed into the server concurrency ' +
      'limit that APF shares among priority levels, so the split does not matter: a total of 0 or less is high (the ' +
      'API server requires it to be positive) and a total below 100 or above 10000 is low. Values that are templated ' +
      'or not integers are not judged.',
    rationale:
      'These limits are what stops a flood of requests — a buggy controller, a list-everything script or a ' +
      'deliberate denial of service (ATT&CK T1499) — from exhausting API server memory and taking the whole control ' +
      'plane down. Without APF, a zero limit means unbounded concurrency; more write than read slots lets cheap ' +
      'mutations starve the reads controllers need. APF adds per-tenant fairness and protects system traffic; ' +
      'turning it off removes both. A tiny total throttles the cluster itself, a huge one removes the protection.',
    sources: [KUBE_APISERVER_REFERENCE, APF_DOC],
    remediation:
      'Keep API Priority and Fairness on and size the total to the control-plane capacity; keep read-only slots ' +
      'at one to four times the mutating ones:\n\n```yaml\n        - --enable-priority-and-fairness=true\n' +
      '        - --max-requests-inflight=400\n        - --max-mutating-requests-inflight=200\n```',
    tags: ['api-server', 'denial-of-service', 'api-priority'],
  },
  match: { kinds: FLAG_INPUT_KINDS },
  // Only kube-apiserver configurations are evaluated (and scored); other Pods are not its business.
  appliesToResource: (resource) => componentConfigs(resource, 'kube-apiserver').length > 0,
  check({ resource, report }) {
    for (const config of componentConfigs(resource, 'kube-apiserver')) {
      const base = { container: config.container };
      const apf = config.flag('enable-priority-and-fairness', 'true');
      if (!apf || apf.templated) continue;
      const apfOn = parseGoBool(apf.value);
      if (apfOn === undefined) continue;
      if (!apfOn) {
        report({
          ...base,
          message: `${config.subject} runs with --enable-priority-and-fairness=false: no per-flow fairness or protection of system traffic, one client can starve all others.`,
          path: apf.path,
          severity: 'high',
          key: 'apf',
        });
      }
      const read = config.flag('max-requests-inflight', String(READ_DEFAULT))!;
      const write = config.flag('max-mutating-requests-inflight', String(WRITE_DEFAULT))!;
      if (read.templated || write.templated) continue;
      const r = parseGoInt(read.value);
      const w = parseGoInt(write.value);
      if (r === undefined || w === undefined) continue;
      const both = `--max-requests-inflight=${r} and --max-mutating-requests-inflight=${w}`;
      // Point at a flag that is written (the later one when both are), else at the container.
      const at: Path = write.source === 'manifest' ? write.path : read.path;
      if (apfOn) {
        const total = r + w;
        if (total <= 0) {
          report({
            ...base,
            message: `${config.subject} sets ${both}: with priority and fairness on their sum is the server concurrency limit, which must be positive — the API server does not start.`,
            path: at,
            severity: 'high',
            key: 'total',
          });
        } else if (total < 100 || total > 10000) {
          report({
            ...base,
            message: `${config.subject} sets ${both}: a total concurrency of ${total} is ${total < 100 ? "too small for the cluster's own controllers" : 'too large to protect the API server from overload'}.`,
            path: at,
            severity: 'low',
            key: 'total',
          });
        }
        continue;
      }
      for (const [flag, value, kind] of [
        [read, r, 'read-only'],
        [write, w, 'mutating'],
      ] as const) {
        if (value !== 0) continue;
        report({
          ...base,
          message: `${config.subject} sets --${flag.name}=0 with priority and fairness off: ${kind} requests have no concurrency limit at all.`,
          path: flag.path,
          severity: 'high',
          key: flag.name,
        });
      }
      if (r === 0 || w === 0) continue;
      if (w > r) {
        report({
          ...base,
          message: `${config.subject} sets ${both}: more mutating than read-only slots lets writes starve the reads controllers depend on.`,
          path: at,
          key: 'inverted',
        });
        continue;
      }
      const total = r + w;
      if (r > 4 * w || total < 100 || total > 10000) {
        const why =
          r > 4 * w
            ? `a read:write ratio of ${(r / w).toFixed(1)}:1 (above 4:1)`
            : `a total of ${total} (outside 100–10000)`;
        report({
          ...base,
          message: `${config.subject} sets ${both}: ${why} is far from the 2:1 defaults.`,
          path: at,
          severity: 'low',
          key: 'range',
        });
      }
    }
  },
});
