import type { MaturityLevel, RuleMeta, Severity } from '../types.js';

interface Requirement {
  description: string;
  met(input: MaturityInput): boolean;
}

interface LevelDefinition {
  level: 1 | 2 | 3 | 4 | 5;
  name: string;
  requires: Requirement[];
}

/** Met when rules selected by `select` were evaluated and none of them failed. */
function clean(description: string, select: (meta: RuleMeta) => boolean): Requirement {
  return {
    description,
    met: (input) => {
      const rules = input.evaluated.filter(select);
      return rules.length > 0 && rules.every((meta) => !input.failing.has(meta.id));
    },
  };
}
const tagged = (tag: string) => (meta: RuleMeta) => meta.tags?.includes(tag) ?? false;
const noCritical: Requirement = {
  description: 'no unsuppressed critical findings',
  met: (input) => ![...input.failing.values()].includes('critical'),
};

/**
 * Security maturity levels, cumulative (after the CNCF Cloud Native Maturity Model's policy levels and
 * the design's mapping). A level is reached only when each requirement's rules actually ran: a scan
 * that cannot show NetworkPolicy coverage does not get credit for it.
 */
export const MATURITY_LEVELS: readonly LevelDefinition[] = [
  { level: 1, name: 'Foundational', requires: [noCritical] },
  {
    level: 2,
    name: 'Baseline',
    requires: [clean('Pod Security Standards baseline clean', (m) => m.pss?.level === 'baseline')],
  },
  {
    level: 3,
    name: 'Restricted',
    requires: [
      clean('Pod Security Standards restricted clean', (m) => m.pss?.level === 'restricted'),
      clean('every workload covered by a NetworkPolicy', tagged('network-policy')),
      clean('cloud metadata (IMDS) blocked from pods', tagged('imds')),
    ],
  },
  {
    level: 4,
    name: 'Isolated',
    requires: [
      clean('user namespaces or sandboxes for untrusted workloads', tagged('user-namespaces')),
      clean('workload identity without static credentials', tagged('workload-identity')),
      clean('least-privilege RBAC', tagged('rbac')),
    ],
  },
  {
    level: 5,
    name: 'Hardened',
    requires: [
      clean('images pinned by digest', tagged('image-provenance')),
      clean('API server protected (APF, inflight limits)', tagged('api-priority')),
    ],
  },
];

export interface MaturityInput {
  /** Every rule that was evaluated on at least one subject. */
  evaluated: readonly RuleMeta[];
  /** Rule ids with at least one unsuppressed finding, with the worst severity. */
  failing: ReadonlyMap<string, Severity>;
}

export function maturityLevel(input: MaturityInput): MaturityLevel {
  let reached: MaturityLevel = { level: 0, name: 'Ad hoc' };
  for (const definition of MATURITY_LEVELS) {
    const missing = definition.requires
      .filter((requirement) => !requirement.met(input))
      .map((r) => r.description);
    if (missing.length > 0) return { ...reached, next: missing };
    reached = { level: definition.level, name: definition.name };
  }
  return reached;
}
