import { asArray, asObject, type JsonObject } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { containerLabel, show } from '../pss/common.js';
import { KUBE_SCORE_CHECKS, PROBES, lifetimeContainers, showPort } from './common.js';

/** The probe's action with API defaults filled in, plus a description; undefined when it has none. */
function handlerOf(probe: JsonObject): { key: string; text: string } | undefined {
  const httpGet = asObject(probe.httpGet);
  if (httpGet) {
    const path = httpGet.path ?? '/';
    const key = JSON.stringify(['http', path, httpGet.port, httpGet.host ?? '', httpGet.scheme ?? 'HTTP']);
    return { key, text: `httpGet ${show(path)} on port ${showPort(httpGet.port)}` };
  }
  const tcp = asObject(probe.tcpSocket);
  if (tcp)
    return {
      key: JSON.stringify(['tcp', tcp.port, tcp.host ?? '']),
      text: `tcpSocket on port ${showPort(tcp.port)}`,
    };
  const grpc = asObject(probe.grpc);
  if (grpc) {
    return {
      key: JSON.stringify(['grpc', grpc.port, grpc.service ?? '']),
      text: `grpc on port ${showPort(grpc.port)}`,
    };
  }
  const exec = asObject(probe.exec);
  if (exec && asArray(exec.command).length > 0) {
    return { key: JSON.stringify(['exec', exec.command]), text: `exec ${show(exec.command)}` };
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'probes-identical',
    title: 'Liveness probe is the same check as the readiness probe',
    severity: 'low',
    category: 'reliability',
    description:
      'A container or sidecar has a `livenessProbe` and a `readinessProbe` that perform the same check: the same ' +
      'httpGet path, port, host and scheme, the same tcpSocket or grpc port, or the same exec command (API defaults ' +
      'such as path `/` and scheme HTTP are filled in before comparing). Timings and thresholds are ignored: the ' +
      'same endpoint with a higher failure threshold still fails for the same reasons. Off by default (strict ' +
      'profile).',
    rationale:
      'Readiness answers "should this pod get traffic now?", liveness "must this container be restarted?". When ' +
      'both run the same check, anything that makes the pod temporarily unready (overload, a slow dependency, a ' +
      'long garbage-collection pause) also fails liveness, so the kubelet restarts containers that only needed to ' +
      'be taken out of rotation. Under load this turns into a restart cascade across all replicas, which deepens ' +
      'the outage it was reacting to.',
    sources: [
      {
        title: 'kube-score: readiness and liveness probes',
        url: 'https://github.com/zegl/kube-score/blob/master/README_PROBES.md',
      },
      PROBES,
      KUBE_SCORE_CHECKS,
    ],
    remediation:
      'Give liveness its own, cheaper check that tests only that the process is responsive (or drop the liveness ' +
      'probe):\n\n' +
      '```yaml\nreadinessProbe:\n  httpGet:\n    path: /ready\n    port: http\nlivenessProbe:\n  httpGet:\n    path: /healthz\n    port: http\n  failureThreshold: 6\n```',
    recommended: false,
    tags: ['reliability', 'probes'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    for (const container of lifetimeContainers(workload)) {
      const liveness = asObject(container.spec.livenessProbe);
      const readiness = asObject(container.spec.readinessProbe);
      if (!liveness || !readiness) continue;
      const a = handlerOf(liveness);
      const b = handlerOf(readiness);
      if (!a || !b || a.key !== b.key) continue;
      report({
        message:
          `${containerLabel(container)} uses the same check (${a.text}) for its livenessProbe and readinessProbe: ` +
          'when it fails under load, the kubelet restarts the container instead of only taking it out of rotation.',
        path: [...container.path, 'livenessProbe'],
        container,
      });
    }
  },
});
