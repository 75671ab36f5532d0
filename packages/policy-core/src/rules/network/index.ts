import type { Rule } from '../rule.js';
import networkPolicyMissing from './network-policy-missing.js';
import networkPolicyAllowsAll from './network-policy-allows-all.js';
import imdsReachable from './imds-reachable.js';
import imdsEgressOpen from './imds-egress-open.js';
import imdsHostNetwork from './imds-host-network.js';
import nodeFirewallTamper from './node-firewall-tamper.js';
import metadataEndpointReference from './metadata-endpoint-reference.js';

/** The network rules, in documentation order. */
export const NETWORK_RULES: readonly Rule[] = [
  networkPolicyMissing,
  networkPolicyAllowsAll,
  imdsReachable,
  imdsEgressOpen,
  imdsHostNetwork,
  nodeFirewallTamper,
  metadataEndpointReference,
];
