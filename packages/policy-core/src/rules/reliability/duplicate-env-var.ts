import { asArray, asObject, asString } from '../../model/values.js';
import { isTemplatedText } from '../../model/image.js';
import { defineRule } from '../rule.js';
import { containerLabel } from '../pss/common.js';
import { KUBE_SCORE_CHECKS } from './common.js';
import { KUBE_LINTER_CHECKS } from '../shared/sources.js';

export default defineRule({
  meta: {
    id: 'duplicate-env-var',
    title: 'Environment variable defined twice in one container',
    severity: 'medium',
    category: 'reliability',
    description:
      'A container, init container or ephemeral container lists the same name twice in `env`. One finding per ' +
      'repeated entry, at the later one. Variables that `env` overrides from `envFrom` are not duplicates (that ' +
      'precedence is documented); templated names are skipped.',
    rationale:
      'The container sees only the last definition, so the value a reviewer reads first is not the one that runs, ' +
      'typically after a merge or a Helm/Kustomize overlay appended a variable that already existed. The list is ' +
      'also merged by name in strategic-merge patches (kubectl apply, Helm): the API server warns that the entry ' +
      '"hides previous definition … which may be dropped when using apply", and removing one of the two entries ' +
      'later sends a delete for the name that removes both, wiping the variable from the running pods ' +
      '(kubernetes/kubernetes#58477).',
    sources: [
      {
        title: 'Kubernetes: Define environment variables for a container',
        url: 'https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/',
      },
      {
        title: 'kubernetes/kubernetes#58477: duplicate env names and strategic merge patch',
        url: 'https://github.com/kubernetes/kubernetes/issues/58477',
      },
      KUBE_SCORE_CHECKS,
      KUBE_LINTER_CHECKS,
    ],
    remediation:
      'Keep one entry per name (remove the stale one), and override values through a single overlay mechanism:\n\n' +
      '```yaml\nenv:\n  - name: LOG_LEVEL\n    value: info\n```',
    tags: ['reliability', 'configuration'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    for (const container of workload.containers) {
      const first = new Map<string, number>();
      asArray(container.spec.env).forEach((raw, index) => {
        const name = asString(asObject(raw)?.name);
        if (name === undefined || isTemplatedText(name)) return;
        const earlier = first.get(name);
        if (earlier === undefined) {
          first.set(name, index);
          return;
        }
        report({
          message:
            `${containerLabel(container)} defines env var "${name}" again at env[${index}] (first at ` +
            `env[${earlier}]): only the last value takes effect, and apply may drop one of the entries.`,
          path: [...container.path, 'env', index, 'name'],
          container,
          key: `${name}#${index}`,
        });
      });
    }
  },
});
