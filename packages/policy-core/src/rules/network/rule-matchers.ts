/**
 * Per-engine matching of one egress rule against a destination block and port, with three-valued
 * answers (see selectors.ts): Kubernetes NetworkPolicy, Cilium, Calico and admin network policies.
 */
import { isTemplatedText } from '../../model/image.js';
import { asArray, asObject, asString, type JsonObject } from '../../model/values.js';
import { cidrCovers, parseCidr, type Cidr } from './cidr.js';
import { allOf, anyOf, type Tri } from './selectors.js';

/** A destination port; undefined in a query means "on any port". */
export interface PortTarget {
  number: number;
  /** Upper case: TCP, UDP, SCTP. */
  protocol: string;
}

export type RuleAction = 'allow' | 'deny' | 'pass';

// --- Shared matching helpers ---------------------------------------------------------------------------

function cidrOf(value: unknown): Cidr | undefined | null {
  const text = asString(value);
  if (text === undefined) return null;
  if (isTemplatedText(text)) return undefined;
  return parseCidr(text) ?? undefined;
}

/** `cidr` minus `except`, as Kubernetes `ipBlock`, Cilium `toCIDRSet` and Calico nets/notNets use it. */
function blockMatches(cidrValue: unknown, except: unknown[], target: Cidr, ignoreExcept: boolean): Tri {
  const cidr = cidrOf(cidrValue);
  if (cidr === null) return false;
  if (cidr === undefined) return undefined;
  if (!cidrCovers(cidr, target)) return false;
  if (ignoreExcept) return true;
  const excluded = anyOf(
    except.map((e) => {
      const block = cidrOf(e);
      if (block === null) return false;
      if (block === undefined) return undefined;
      return cidrCovers(block, target) || cidrCovers(target, block);
    }),
  );
  return excluded === undefined ? undefined : !excluded;
}

/** A port value (number, numeric string, named or templated) against a port number, with an optional range end. */
function portMatches(value: unknown, end: unknown, wanted: number): Tri {
  if (value === undefined || value === null) return true;
  let port: number;
  if (typeof value === 'number') port = value;
  else if (typeof value === 'string' && /^\d+$/.test(value)) port = Number(value);
  else if (typeof value === 'string' && isTemplatedText(value)) return undefined;
  else return false; // a named port resolves against a destination pod, never an external address
  if (port === 0) return true;
  const last =
    typeof end === 'number' ? end : typeof end === 'string' && /^\d+$/.test(end) ? Number(end) : port;
  return wanted >= port && wanted <= last;
}

function protocolMatches(value: unknown, wanted: string, fallback: string): Tri {
  if (value === undefined || value === null) return fallback === 'ANY' || fallback === wanted;
  const text = String(value).toUpperCase();
  if (isTemplatedText(text)) return undefined;
  return (
    text === 'ANY' ||
    text === wanted ||
    (wanted === 'TCP' && text === '6') ||
    (wanted === 'UDP' && text === '17')
  );
}

// --- Kubernetes NetworkPolicy ---------------------------------------------------------------------------

function kubernetesPorts(ports: unknown[], port: PortTarget | undefined): Tri {
  if (!port || ports.length === 0) return true;
  return anyOf(
    ports.map((raw) => {
      const entry = asObject(raw);
      if (!entry) return false;
      return allOf([
        protocolMatches(entry.protocol, port.protocol, 'TCP'),
        portMatches(entry.port, entry.endPort, port.number),
      ]);
    }),
  );
}

/** Whether one Kubernetes egress rule allows traffic to every address of `target`. */
export function kubernetesEgressRuleMatches(
  rule: JsonObject,
  target: Cidr,
  port: PortTarget | undefined,
  ignoreExcept = false,
): Tri {
  const peers = asArray(rule.to);
  const destination =
    peers.length === 0
      ? true
      : anyOf(
          peers.map((raw) => {
            const block = asObject(asObject(raw)?.ipBlock);
            return block ? blockMatches(block.cidr, asArray(block.except), target, ignoreExcept) : false;
          }),
        );
  return allOf([destination, kubernetesPorts(asArray(rule.ports), port)]);
}

// --- Cilium ---------------------------------------------------------------------------------------------

const CILIUM_L3 = [
  'toEndpoints',
  'toCIDR',
  'toCIDRSet',
  'toEntities',
  'toServices',
  'toFQDNs',
  'toGroups',
  'toNodes',
  'toRequires',
];
const CILIUM_WORLD = new Set(['world', 'all', 'world-ipv4', 'world-ipv6']);

function ciliumPorts(toPorts: unknown[], port: PortTarget | undefined): Tri {
  if (!port || toPorts.length === 0) return true;
  return anyOf(
    toPorts.flatMap((raw) => {
      const ports = asArray(asObject(raw)?.ports);
      if (ports.length === 0) return [true];
      return ports.map((p) => {
        const entry = asObject(p);
        if (!entry) return false;
        return allOf([
          protocolMatches(entry.protocol, port.protocol, 'ANY'),
          portMatches(entry.port, entry.endPort, port.number),
        ]);
      });
    }),
  );
}

export function ciliumRuleMatches(
  rule: JsonObject,
  target: Cidr,
  port: PortTarget | undefined,
  ignoreExcept: boolean,
): Tri {
  const hasL3 = CILIUM_L3.some((field) => rule[field] !== undefined);
  let destination: Tri;
  if (!hasL3) {
    // An L4-only rule applies to every destination; an empty rule `{}` selects nothing.
    destination = rule.toPorts !== undefined;
  } else {
    destination = anyOf([
      ...asArray(rule.toCIDR).map((c) => blockMatches(c, [], target, ignoreExcept)),
      ...asArray(rule.toCIDRSet).map((raw) => {
        const set = asObject(raw);
        if (!set) return false;
        if (set.cidr === undefined)
          return set.cidrGroupRef !== undefined || set.cidrGroupSelector !== undefined ? undefined : false;
        return blockMatches(set.cidr, asArray(set.except), target, ignoreExcept);
      }),
      asArray(rule.toEntities).some((e) => typeof e === 'string' && CILIUM_WORLD.has(e)),
    ]);
  }
  return allOf([destination, ciliumPorts(asArray(rule.toPorts), port)]);
}

// --- Calico -----------------------------------------------------------------------------------------------

function calicoPorts(values: unknown[], wanted: number): Tri {
  return anyOf(
    values.map((value) => {
      if (typeof value === 'string' && /^\d+:\d+$/.test(value)) {
        const [start, end] = value.split(':').map(Number) as [number, number];
        return wanted >= start && wanted <= end;
      }
      return portMatches(value, undefined, wanted);
    }),
  );
}

export function calicoRuleMatches(
  rule: JsonObject,
  target: Cidr,
  port: PortTarget | undefined,
  ignoreExcept: boolean,
): Tri {
  const destination = asObject(rule.destination) ?? {};
  // Selectors, service accounts, services and domains pick endpoints or names, never a bare address.
  for (const field of ['selector', 'namespaceSelector', 'serviceAccounts', 'services', 'domains']) {
    if (destination[field] !== undefined) return false;
  }
  const nets = asArray(destination.nets);
  const results: Tri[] = [
    nets.length === 0 ? true : anyOf(nets.map((n) => blockMatches(n, [], target, false))),
  ];
  if (!ignoreExcept) {
    const excluded = anyOf(asArray(destination.notNets).map((n) => blockMatches(n, [], target, false)));
    results.push(excluded === undefined ? undefined : !excluded);
  }
  if (port) {
    results.push(protocolMatches(rule.protocol, port.protocol, 'ANY'));
    const ports = asArray(destination.ports);
    if (ports.length > 0) results.push(calicoPorts(ports, port.number));
    const notPorts = asArray(destination.notPorts);
    if (notPorts.length > 0) {
      const excluded = calicoPorts(notPorts, port.number);
      results.push(excluded === undefined ? undefined : !excluded);
    }
  }
  return allOf(results);
}

// --- Admin network policies --------------------------------------------------------------------------------

function adminPorts(rule: JsonObject, port: PortTarget | undefined): Tri {
  if (!port) return true;
  if (asArray(rule.protocols).length > 0) return undefined; // ClusterNetworkPolicy (v1alpha2) ports: not modelled
  const ports = asArray(rule.ports);
  if (ports.length === 0) return true;
  return anyOf(
    ports.map((raw) => {
      const entry = asObject(raw) ?? {};
      const number = asObject(entry.portNumber);
      if (number)
        return allOf([
          protocolMatches(number.protocol, port.protocol, 'TCP'),
          portMatches(number.port, undefined, port.number),
        ]);
      const range = asObject(entry.portRange);
      if (range)
        return allOf([
          protocolMatches(range.protocol, port.protocol, 'TCP'),
          portMatches(range.start, range.end, port.number),
        ]);
      return false;
    }),
  );
}

export function adminRuleMatches(rule: JsonObject, target: Cidr, port: PortTarget | undefined): Tri {
  const destination = anyOf(
    asArray(rule.to).flatMap((raw) =>
      asArray(asObject(raw)?.networks).map((n) => blockMatches(n, [], target, false)),
    ),
  );
  return allOf([destination, adminPorts(rule, port)]);
}

export function adminAction(value: unknown): RuleAction {
  if (value === 'Deny') return 'deny';
  if (value === 'Pass') return 'pass';
  return 'allow'; // Allow (v1alpha1) and Accept (v1alpha2)
}
