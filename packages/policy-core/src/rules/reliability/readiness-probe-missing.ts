import type { Resource } from '../../model/resource.js';
import type { ContainerView } from '../../model/workload.js';
import { asArray, asObject, getPath, isSet } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { containerLabel } from '../pss/common.js';
import {
  KUBE_SCORE_CHECKS,
  POLARIS_RELIABILITY,
  PROBES,
  isLongRunning,
  lifetimeContainers,
  objectLabel,
  servicesNear,
  servicesSelecting,
  templateLabels,
} from './common.js';

/** Whether the container declares the port a Service port sends traffic to (`targetPort`, default `port`). */
function servesPort(container: ContainerView, servicePort: unknown): boolean {
  const object = asObject(servicePort);
  const target = object?.targetPort ?? object?.port;
  return asArray(container.spec.ports).some((raw) => {
    const port = asObject(raw);
    return typeof target === 'string' ? port?.name === target : port?.containerPort === target;
  });
}

/**
 * The containers each Service sends traffic to: those declaring one of its target ports, or every regular
 * container when none does (declaring container ports is optional).
 */
function servedContainers(candidates: ContainerView[], services: Resource[]): Map<ContainerView, Resource> {
  const served = new Map<ContainerView, Resource>();
  for (const service of services) {
    const ports = asArray(getPath(service.object, ['spec', 'ports']));
    let matched = candidates.filter((c) => ports.some((port) => servesPort(c, port)));
    if (matched.length === 0) matched = candidates.filter((c) => c.type === 'container');
    for (const container of matched) if (!served.has(container)) served.set(container, service);
  }
  return served;
}

export default defineRule({
  meta: {
    id: 'readiness-probe-missing',
    title: 'Container that receives traffic has no readiness probe',
    severity: 'low',
    category: 'reliability',
    description:
      'A container of a long-running workload has no `readinessProbe` although it receives traffic. Long-running ' +
      'means every kind except Job and CronJob, with `restartPolicy` Always (the default), so bare Pods that run ' +
      'to completion are left out. A container receives traffic when a Service of the scan (same namespace, or ' +
      'either without one; selector matching the pod template labels) targets it: the containers declaring one of ' +
      'the Service target ports, or every regular container when none declares them. When the scan has no Service ' +
      'for that namespace at all, a regular container that declares a `containerPort` is assumed to serve traffic. ' +
      'Workers selected by no Service are not reported. Sidecars count when they declare a targeted port.',
    rationale:
      'A pod without a readiness probe is added to Service endpoints as soon as its containers start, before the ' +
      'application has loaded its configuration, warmed caches or opened its listener, so every rollout, restart ' +
      'and scale-up sends requests to pods that refuse or fail them. During shutdown the pod also keeps receiving ' +
      'traffic until the endpoint update propagates. A readiness probe that answers only when the process can serve ' +
      'gives zero-downtime rollouts, and takes a temporarily overloaded pod out of rotation without restarting it.',
    sources: [
      PROBES,
      {
        title: 'Kubernetes: Pod lifecycle, container probes',
        url: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-probes',
      },
      {
        title: 'kube-score: readiness and liveness probes',
        url: 'https://github.com/zegl/kube-score/blob/master/README_PROBES.md',
      },
      KUBE_SCORE_CHECKS,
      POLARIS_RELIABILITY,
    ],
    remediation:
      'Add a readiness probe that succeeds only when the container can serve requests (without checking downstream ' +
      'dependencies):\n\n' +
      '```yaml\nreadinessProbe:\n  httpGet:\n    path: /ready\n    port: http\n  periodSeconds: 5\n  failureThreshold: 3\n```',
    tags: ['reliability', 'probes'],
  },
  match: { workloads: true },
  crossResource: true,
  check({ resource, workload, index, report }) {
    if (!isLongRunning(workload)) return;
    const labels = templateLabels(workload);
    if (!labels) return;
    const candidates = lifetimeContainers(workload);
    const services = servicesSelecting(resource, labels, index);
    const lacking = (c: ContainerView) => !isSet(c.spec.readinessProbe);
    if (services.length > 0) {
      for (const [container, service] of servedContainers(candidates, services)) {
        if (!lacking(container)) continue;
        report({
          message:
            `${containerLabel(container)} has no readinessProbe although ${objectLabel(service)} sends it traffic: ` +
            'requests reach it as soon as it starts, before it can serve them, on every rollout and restart.',
          path: container.path,
          container,
        });
      }
      return;
    }
    if (servicesNear(index, resource.namespace).length > 0) return;
    for (const container of candidates) {
      const port = asArray(container.spec.ports)
        .map((raw) => asObject(raw)?.containerPort)
        .find((value) => value !== undefined);
      if (container.type !== 'container' || port === undefined || !lacking(container)) continue;
      report({
        message:
          `${containerLabel(container)} declares port ${String(port)} but has no readinessProbe: once a Service ` +
          'routes to it, requests reach it before it can serve them, on every rollout and restart.',
        path: container.path,
        container,
      });
    }
  },
});
