import {
  LETTER_GRADES,
  OVERVIEW_SORT_FIELDS,
  type LetterGrade,
  type OverviewQuery,
  type OverviewSortField,
} from '@shiftdown/backstage-plugin-shiftdown-common';

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
/** Worst first: what a platform team looks at first. */
export const DEFAULT_SORT: OverviewSortField = 'score';
export const DEFAULT_ORDER: 'asc' | 'desc' = 'asc';

/** The order a column sorts in when it is first clicked. */
export const FIRST_ORDER: Record<OverviewSortField, 'asc' | 'desc'> = {
  score: 'asc',
  grade: 'desc',
  name: 'asc',
  owner: 'asc',
  scannedAt: 'desc',
};

export interface OverviewState {
  owner?: string;
  kind?: string;
  grade?: LetterGrade;
  sort: OverviewSortField;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** Reads the page's state from the URL (`?owner=group:default/platform&sort=score&order=asc&page=2`). */
export function readOverviewState(params: URLSearchParams): OverviewState {
  const grade = params.get('grade');
  const sort = params.get('sort');
  const order = params.get('order');
  const page = Number.parseInt(params.get('page') ?? '', 10);
  const pageSize = Number.parseInt(params.get('pageSize') ?? '', 10);
  return {
    owner: params.get('owner') || undefined,
    kind: params.get('kind') || undefined,
    grade: LETTER_GRADES.includes(grade as LetterGrade) ? (grade as LetterGrade) : undefined,
    sort: OVERVIEW_SORT_FIELDS.includes(sort as OverviewSortField)
      ? (sort as OverviewSortField)
      : DEFAULT_SORT,
    order: order === 'asc' || order === 'desc' ? order : DEFAULT_ORDER,
    page: Number.isFinite(page) && page > 0 ? page : 0,
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** The inverse of `readOverviewState`; defaults are left out so URLs stay short. */
export function writeOverviewState(state: OverviewState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.owner) params.set('owner', state.owner);
  if (state.kind) params.set('kind', state.kind);
  if (state.grade) params.set('grade', state.grade);
  if (state.sort !== DEFAULT_SORT) params.set('sort', state.sort);
  if (state.order !== DEFAULT_ORDER) params.set('order', state.order);
  if (state.page > 0) params.set('page', String(state.page));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(state.pageSize));
  return params;
}

export function toOverviewQuery(state: OverviewState): OverviewQuery {
  return {
    owner: state.owner,
    kind: state.kind,
    grade: state.grade,
    sort: state.sort,
    order: state.order,
    limit: state.pageSize,
    offset: state.page * state.pageSize,
  };
}
