/**
 * `GET /overview`: every stored scorecard the caller may see, with owner and title from the catalog,
 * filtered, sorted and paged. Visibility is the catalog's: the stored refs are looked up in batches
 * with the caller's credentials, and the catalog (its permission policy) leaves out what they cannot see.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { DEFAULT_NAMESPACE, parseEntityRef, stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  LETTER_GRADES,
  OVERVIEW_SORT_FIELDS,
  type LetterGrade,
  type OverviewEntry,
  type OverviewResponse,
  type OverviewSortField,
} from '@shiftdown/backstage-plugin-shiftdown-common';
import type { ScorecardStore, ScorecardSummary } from '../database/ScorecardStore.js';
import { integer, single } from './query.js';

export const OVERVIEW_DEFAULT_LIMIT = 100;
export const OVERVIEW_MAX_LIMIT = 1000;
/** Points of history in each entry's `trend`. */
export const TREND_POINTS = 10;
const CATALOG_BATCH = 500;
const CATALOG_FIELDS = ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title', 'spec.owner'];

export interface ParsedOverviewQuery {
  /** Owner refs, normalised (`group:default/team-a`). */
  owners?: string[];
  kind?: string;
  grades?: LetterGrade[];
  sort: OverviewSortField;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

function list(text: string | undefined): string[] | undefined {
  const items = text
    ?.split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return items && items.length > 0 ? items : undefined;
}

/** An owner as the catalog relates it: `team-a` → `group:default/team-a`. */
export function normaliseOwner(owner: string, defaultNamespace = DEFAULT_NAMESPACE): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, { defaultKind: 'group', defaultNamespace }),
    ).toLowerCase();
  } catch {
    return undefined;
  }
}

export function parseOverviewQuery(query: Record<string, unknown>): ParsedOverviewQuery {
  const owners = list(single(query, 'owner'))?.map((owner) => {
    const normalised = normaliseOwner(owner);
    if (!normalised)
      throw new InputError(
        `invalid owner "${owner}": give an entity ref such as team-a or group:default/team-a`,
      );
    return normalised;
  });
  const grades = list(single(query, 'grade'))?.map((grade) => {
    const found = LETTER_GRADES.find((candidate) => candidate === grade.toUpperCase());
    if (!found) throw new InputError(`invalid grade "${grade}": give one of ${LETTER_GRADES.join(', ')}`);
    return found;
  });
  const sortText = single(query, 'sort') ?? 'score';
  const sort = OVERVIEW_SORT_FIELDS.find((field) => field.toLowerCase() === sortText.toLowerCase());
  if (!sort)
    throw new InputError(`invalid sort "${sortText}": give one of ${OVERVIEW_SORT_FIELDS.join(', ')}`);
  const orderText = (single(query, 'order') ?? 'asc').toLowerCase();
  if (orderText !== 'asc' && orderText !== 'desc')
    throw new InputError(`invalid order "${orderText}": give asc or desc`);
  const kind = single(query, 'kind');
  return {
    ...(owners && { owners }),
    ...(kind !== undefined && { kind: kind.toLowerCase() }),
    ...(grades && { grades }),
    sort,
    order: orderText,
    limit: integer(single(query, 'limit'), 'limit', OVERVIEW_DEFAULT_LIMIT, 1, OVERVIEW_MAX_LIMIT),
    offset: integer(single(query, 'offset'), 'offset', 0, 0, Number.MAX_SAFE_INTEGER),
  };
}

type Row = { summary: ScorecardSummary; entity: Entity; owner?: string };

function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' });
}

function comparator(sort: OverviewSortField, order: 'asc' | 'desc'): (a: Row, b: Row) => number {
  const direction = order === 'asc' ? 1 : -1;
  const byField = (a: Row, b: Row): number => {
    switch (sort) {
      case 'score':
        return a.summary.score - b.summary.score;
      case 'grade':
        return a.summary.gradeRank - b.summary.gradeRank;
      case 'name':
        return compareText(a.entity.metadata.name, b.entity.metadata.name);
      case 'scannedAt':
        return compareText(a.summary.scannedAt, b.summary.scannedAt);
      case 'owner':
        return compareText(a.owner ?? '', b.owner ?? '');
    }
  };
  return (a, b) => {
    // Entities without an owner come last in either order.
    if (sort === 'owner' && (a.owner === undefined) !== (b.owner === undefined))
      return a.owner === undefined ? 1 : -1;
    return (
      direction * byField(a, b) ||
      (a.summary.key < b.summary.key ? -1 : a.summary.key > b.summary.key ? 1 : 0)
    );
  };
}

async function visibleEntities(
  catalog: CatalogService,
  refs: readonly string[],
  credentials: BackstageCredentials,
): Promise<(Entity | undefined)[]> {
  const found: (Entity | undefined)[] = [];
  for (let start = 0; start < refs.length; start += CATALOG_BATCH) {
    const batch = refs.slice(start, start + CATALOG_BATCH);
    const response = await catalog.getEntitiesByRefs(
      { entityRefs: batch, fields: CATALOG_FIELDS },
      { credentials },
    );
    found.push(...batch.map((_, index) => response.items[index] ?? undefined));
  }
  return found;
}

export async function buildOverview(
  query: ParsedOverviewQuery,
  deps: { store: ScorecardStore; catalog: CatalogService; credentials: BackstageCredentials },
): Promise<OverviewResponse> {
  // Every kind is listed: the kinds facet comes from the entities the other filters leave.
  const summaries = await deps.store.listSummaries({ ...(query.grades && { grades: query.grades }) });
  const entities = await visibleEntities(
    deps.catalog,
    summaries.map((summary) => summary.key),
    deps.credentials,
  );
  const rows: Row[] = [];
  const owners = new Set<string>();
  const kinds = new Set<string>();
  summaries.forEach((summary, index) => {
    const entity = entities[index];
    if (!entity) return;
    const ownerText = typeof entity.spec?.owner === 'string' ? entity.spec.owner : undefined;
    const owner =
      ownerText === undefined
        ? undefined
        : normaliseOwner(ownerText, entity.metadata.namespace ?? DEFAULT_NAMESPACE);
    const ownerMatches = !query.owners || (owner !== undefined && query.owners.includes(owner));
    const kindMatches = query.kind === undefined || entity.kind.toLowerCase() === query.kind;
    if (ownerMatches) kinds.add(entity.kind);
    if (kindMatches && owner !== undefined) owners.add(owner);
    if (ownerMatches && kindMatches) rows.push({ summary, entity, ...(owner !== undefined && { owner }) });
  });
  rows.sort(comparator(query.sort, query.order));
  const page = rows.slice(query.offset, query.offset + query.limit);
  const trends = await deps.store.getTrends(
    page.map((row) => row.summary.key),
    TREND_POINTS,
  );
  const items: OverviewEntry[] = page.map(({ summary, entity, owner }) => ({
    entityRef: stringifyEntityRef(entity),
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
    name: entity.metadata.name,
    ...(typeof entity.metadata.title === 'string' && { title: entity.metadata.title }),
    ...(owner !== undefined && { owner }),
    score: summary.score,
    grade: summary.grade,
    maturityLevel: summary.maturityLevel,
    counts: summary.counts,
    scannedAt: summary.scannedAt,
    source: summary.source,
    trend: trends.get(summary.key) ?? [],
  }));
  return {
    items,
    total: rows.length,
    facets: { owners: [...owners].sort(compareText), kinds: [...kinds].sort(compareText) },
  };
}
