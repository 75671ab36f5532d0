import { defineRule, type RuleContext } from '../rule.js';
import type { Path } from '../../types.js';
import type { ContainerView } from '../../model/workload.js';
import { asArray, asObject, asString } from '../../model/values.js';
import { isSystemNamespace } from '../shared/context.js';
import { containerLabel } from '../pss/common.js';
import { SOURCES, metadataEndpointIn, objectLabel } from './common.js';

/** Proxy bypass lists name the metadata address so that SDKs reach it directly: not a reference by itself. */
const PROXY_BYPASS = /^no_proxy$/i;

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HOOKS = ['postStart', 'preStop'] as const;

/** Every string of a container that names a host or a command: [path relative to the container, description]. */
function containerValues(container: ContainerView): [Path, string, unknown][] {
  const spec = container.spec;
  const out: [Path, string, unknown][] = [];
  asArray(spec.env).forEach((raw, i) => {
    const env = asObject(raw);
    const name = asString(env?.name) ?? `env[${i}]`;
    if (env && !PROXY_BYPASS.test(name)) out.push([['env', i, 'value'], `env ${name}`, env.value]);
  });
  for (const field of ['command', 'args'] as const) {
    asArray(spec[field]).forEach((value, i) => out.push([[field, i], field, value]));
  }
  const handlers: [Path, string, unknown][] = [
    ...PROBES.map((p): [Path, string, unknown] => [[p], p, spec[p]]),
    ...HOOKS.map((h): [Path, string, unknown] => [
      ['lifecycle', h],
      `${h} hook`,
      asObject(spec.lifecycle)?.[h],
    ]),
  ];
  for (const [base, label, raw] of handlers) {
    const handler = asObject(raw);
    if (!handler) continue;
    const httpGet = asObject(handler.httpGet);
    out.push([[...base, 'httpGet', 'host'], `${label} host`, httpGet?.host]);
    asArray(httpGet?.httpHeaders).forEach((h, i) =>
      out.push([[...base, 'httpGet', 'httpHeaders', i, 'value'], `${label} header`, asObject(h)?.value]),
    );
    out.push([[...base, 'tcpSocket', 'host'], `${label} host`, asObject(handler.tcpSocket)?.host]);
    asArray(asObject(handler.exec)?.command).forEach((value, i) =>
      out.push([[...base, 'exec', 'command', i], `${label} command`, value]),
    );
  }
  return out;
}

function scan(context: RuleContext): void {
  const { resource, report } = context;
  const found = (value: unknown, path: Path, subject: string, container?: ContainerView) => {
    const endpoint = metadataEndpointIn(value);
    if (!endpoint) return;
    report({
      message:
        `${subject} references ${endpoint.name}, ${endpoint.what}: the workload reads node metadata or the ` +
        "node's credentials directly instead of using a workload identity.",
      path,
      ...(container && { container }),
    });
  };
  const workload = resource.workload;
  if (workload) {
    for (const container of workload.containers) {
      for (const [rel, label, value] of containerValues(container)) {
        found(value, [...container.path, ...rel], `${containerLabel(container)} ${label}`, container);
      }
    }
    asArray(workload.podSpec.hostAliases).forEach((alias, i) =>
      found(
        asObject(alias)?.ip,
        [...workload.podSpecPath, 'hostAliases', i, 'ip'],
        `The pod's hostAliases entry #${i + 1}`,
      ),
    );
    return;
  }
  if (resource.kind === 'ConfigMap' && resource.apiVersion === 'v1') {
    for (const [key, value] of Object.entries(asObject(resource.object.data) ?? {})) {
      found(value, ['data', key], `${objectLabel(resource)} key "${key}"`);
    }
    return;
  }
  if (resource.kind === 'Service' && resource.apiVersion === 'v1') {
    const spec = asObject(resource.object.spec);
    found(spec?.externalName, ['spec', 'externalName'], `${objectLabel(resource)} externalName`);
  }
}

/** IMDS-005: explicit references to a metadata endpoint in workloads, ConfigMaps and ExternalName Services. */
export default defineRule({
  meta: {
    id: 'metadata-endpoint-reference',
    title: 'Explicit reference to a cloud metadata endpoint',
    severity: 'high',
    category: 'network',
    description:
      'A value names a cloud instance metadata endpoint: 169.254.169.254, fd00:ec2::254, metadata.google.internal ' +
      'or 100.100.100.200 (Alibaba Cloud), as a whole address or host name inside the text. Checked: container ' +
      'env values (except `NO_PROXY`/`no_proxy` bypass lists), `command` and `args` items, probe and lifecycle ' +
      'handlers (`httpGet.host`, `httpGet.httpHeaders` values, `tcpSocket.host`, `exec.command` items) of all ' +
      'containers, init and ephemeral containers, pod `hostAliases` IPs, ConfigMap `data` values and Service ' +
      '`spec.externalName`. Objects in system namespaces are not reported. Deliberately not reported: ' +
      '169.254.170.23 / fd00:ec2::23 (EKS Pod Identity agent) and 169.254.170.2 (ECS task credentials), which serve ' +
      "the workload's own scoped credentials (the Pod Identity webhook injects them itself).",
    rationale:
      'Workloads that call the metadata service directly use the node identity (IAM role, managed identity, node ' +
      'service account), which is shared by every pod on the node and usually far broader than the workload ' +
      'needs; the reference also shows where an attacker would pivot (MITRE ATT&CK T1552.005). A ConfigMap or ' +
      'ExternalName Service pointing at the endpoint turns any component that follows it (proxies, webhooks, ' +
      'fetchers) into a server-side request forgery path to the node credentials, as in the 2019 Capital One ' +
      'breach.',
    sources: [
      SOURCES.attackImds,
      SOURCES.awsImds,
      SOURCES.gceMetadata,
      SOURCES.alibabaMetadata,
      SOURCES.eksPodIdentity,
    ],
    remediation:
      'Give the workload its own identity (EKS Pod Identity or IRSA, Microsoft Entra Workload ID, Workload ' +
      'Identity Federation for GKE) and let the cloud SDK find credentials; remove hard-coded metadata URLs:\n\n' +
      '```yaml\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  annotations:\n' +
      '    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/web\n```',
    tags: ['imds', 'network'],
  },
  match: { any: true },
  check(context) {
    if (isSystemNamespace(context.resource.namespace, context.settings)) return;
    scan(context);
  },
});
