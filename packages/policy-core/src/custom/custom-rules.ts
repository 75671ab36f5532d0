/**
 * Custom rules declared in `.shiftdown.yaml` (`customRules:`), written in CEL like a
 * ValidatingAdmissionPolicy validation: the expression is true when the object passes.
 *
 * Bindings: `object` (the resource), `namespaceObject` (its Namespace when the scan has it, else
 * null), `request` (kind, name, namespace, operation CREATE), `oldObject` and `params` (null), and —
 * only when the expression mentions it — `objects`, every object of the scan (the rule then runs after
 * all files are read).
 */
import type { Category, Path, RuleMeta, Severity } from '../types.js';
import type { Resource } from '../model/resource.js';
import type { ResourceIndex } from '../model/resource-index.js';
import { apiGroup } from '../model/workload.js';
import { defineRule, type ResourceRule, type RuleContext } from '../rules/rule.js';
import { compileCel, fromCel, type CompiledExpression } from './cel.js';

export interface CustomRuleConfig {
  id: string;
  title: string;
  expression: string;
  severity?: Severity;
  category?: Category;
  description?: string;
  remediation?: string;
  /** Static message, or a CEL expression building one. */
  message?: string;
  messageExpression?: string;
  match?: { kinds?: string[]; apiGroups?: string[] };
  /** Dotted path of the field findings point at (default: the object). */
  path?: string;
}

const MENTIONS_OBJECTS = /(^|[^\w.])objects\b/;

/** Compile errors of a custom rule's expressions, as [field, message] pairs (empty when valid). */
export function customRuleErrors(rule: Partial<CustomRuleConfig>): [keyof CustomRuleConfig, string][] {
  const errors: [keyof CustomRuleConfig, string][] = [];
  for (const field of ['expression', 'messageExpression'] as const) {
    const source = rule[field];
    if (typeof source !== 'string') continue;
    const compiled = compileCel(source);
    if ('error' in compiled) errors.push([field, `CEL syntax error at ${compiled.error}`]);
  }
  return errors;
}

/** Turn validated config entries into rules. Throws on an expression that does not compile (validate first). */
export function buildCustomRules(
  configs: readonly CustomRuleConfig[],
  source = '.shiftdown.yaml',
): ResourceRule[] {
  return configs.map((config) => buildCustomRule(config, source));
}

function buildCustomRule(config: CustomRuleConfig, source: string): ResourceRule {
  const expression = mustCompile(config.expression, config.id);
  const messageExpression = config.messageExpression
    ? mustCompile(config.messageExpression, config.id)
    : undefined;
  const kinds = config.match?.kinds?.filter((k) => k !== '*') ?? [];
  const groups = config.match?.apiGroups?.filter((g) => g !== '*') ?? [];
  const path: Path = config.path ? config.path.split('.') : [];
  const meta: RuleMeta = {
    id: config.id,
    title: config.title,
    severity: config.severity ?? 'medium',
    category: config.category ?? 'reliability',
    description:
      config.description ??
      `Custom rule from ${source}: every ${kinds.length > 0 ? kinds.join(', ') : 'object'} must satisfy the CEL expression \`${config.expression}\`.`,
    rationale: `Defined by the platform team in ${source}.`,
    sources: [
      {
        title: 'Common Expression Language in Kubernetes',
        url: 'https://kubernetes.io/docs/reference/using-api/cel/',
      },
    ],
    remediation:
      config.remediation ?? 'Change the object so that the expression holds, or ask the platform team.',
    tags: ['custom'],
  };
  const crossResource =
    MENTIONS_OBJECTS.test(config.expression) || MENTIONS_OBJECTS.test(config.messageExpression ?? '');
  return defineRule({
    meta,
    crossResource,
    match: kinds.length > 0 ? { kinds } : { any: true },
    check(context: RuleContext) {
      const { resource } = context;
      if (groups.length > 0 && !groups.includes(apiGroup(resource.apiVersion))) return;
      const bindings = celBindings(resource, context.index, crossResource);
      const result = expression.evaluate(bindings);
      if (result instanceof Error) throw new Error(`CEL evaluation failed: ${result.message}`);
      if (typeof result !== 'boolean')
        throw new Error(`the expression must be true or false, got ${describe(result)}`);
      if (result) return;
      context.report({ message: messageFor(config, messageExpression, bindings), path });
    },
  });
}

function mustCompile(source: string, id: string): CompiledExpression {
  const compiled = compileCel(source);
  if ('error' in compiled) throw new Error(`custom rule ${id}: CEL syntax error at ${compiled.error}`);
  return compiled.expression;
}

function messageFor(
  config: CustomRuleConfig,
  messageExpression: CompiledExpression | undefined,
  bindings: Readonly<Record<string, unknown>>,
): string {
  if (messageExpression) {
    const text = messageExpression.evaluate(bindings);
    if (typeof text === 'string' && text.trim() !== '') return text;
  }
  return config.message ?? `${config.title} (custom rule ${config.id} failed).`;
}

/** The variables a CEL expression sees for one resource, as the API server would bind them. */
export function celBindings(
  resource: Resource,
  index: ResourceIndex,
  withObjects: boolean,
): Record<string, unknown> {
  const slash = resource.apiVersion.indexOf('/');
  const bindings: Record<string, unknown> = {
    object: resource.object,
    oldObject: null,
    params: null,
    namespaceObject: resource.namespace
      ? (index.find('Namespace', undefined, resource.namespace)?.object ?? null)
      : null,
    request: {
      kind: {
        group: slash < 0 ? '' : resource.apiVersion.slice(0, slash),
        version: slash < 0 ? resource.apiVersion : resource.apiVersion.slice(slash + 1),
        kind: resource.kind,
      },
      name: resource.name ?? '',
      namespace: resource.namespace ?? '',
      operation: 'CREATE',
    },
  };
  if (withObjects) bindings.objects = allObjects(index);
  return bindings;
}

/** One array of every object per index (rebuilt only when resources were added since). */
function allObjects(index: ResourceIndex): unknown[] {
  return index.derived('custom-rules:objects', () => index.all.map((r) => r.object));
}

function describe(value: unknown): string {
  const plain = fromCel(value);
  return typeof plain === 'string' ? JSON.stringify(plain) : String(plain);
}
