/**
 * The plugin's database: the latest scorecard per entity, its score history and the pull-scan state.
 *
 * Writes for one entity are serialised by the row lock of its scorecard: `save` upserts the scorecard
 * first (taking the lock, bumping `revision`), then appends the history point under that revision and
 * trims the history, all in one transaction. So concurrent saves lose nothing, history revisions are
 * in commit order, and the stored scorecard is the one of the last committed save.
 */
import type { Knex } from 'knex';
import type {
  LetterGrade,
  ScanFailure,
  Scorecard,
  ScorecardSource,
  ScoreHistoryPoint,
  Severity,
} from '@shiftdown/backstage-plugin-shiftdown-common';
import { LETTER_GRADES } from '@shiftdown/backstage-plugin-shiftdown-common';
import { migrateDatabase, TABLES } from './migrations.js';
import type { SerialisedScorecard } from './serialised-scorecard.js';

/** Pull-scan bookkeeping stored with a pulled scorecard or a failed attempt. */
export interface ScanStateInput {
  location: string;
  etag?: string;
  settingsHash: string;
}

export interface ScanState {
  location: string;
  etag?: string;
  settingsHash?: string;
  status: 'ok' | 'error' | 'no-manifests';
  lastError?: string;
  lastAttemptAt: string;
  lastSuccessAt?: string;
}

/** The overview's view of a stored scorecard (no findings). */
export interface ScorecardSummary {
  key: string;
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  revision: number;
  score: number;
  grade: LetterGrade;
  /** From the grade: 12 = A+ … 0 = F. */
  gradeRank: number;
  maturityLevel: number;
  counts: Record<Severity, number>;
  source: ScorecardSource;
  scannedAt: string;
}

interface ScorecardRow {
  entity_ref: string;
  kind: string;
  namespace: string;
  name: string;
  revision: number;
  score: number;
  grade: string;
  maturity_level: number;
  source: string;
  scanned_at: Date | string | number;
  commit_sha: string | null;
  counts: string;
  scorecard: string;
  updated_at: Date | string | number;
}

interface HistoryRow {
  revision: number;
  scanned_at: Date | string | number;
  score: number;
  grade: string;
  source: string;
  commit_sha: string | null;
}

interface ScanStateRow {
  entity_ref: string;
  location: string;
  etag: string | null;
  settings_hash: string | null;
  status: string;
  last_error: string | null;
  last_attempt_at: Date | string | number;
  last_success_at: Date | string | number | null;
}

/** 12 = A+ … 0 = F. */
export function gradeRank(grade: LetterGrade): number {
  return LETTER_GRADES.length - 1 - LETTER_GRADES.indexOf(grade);
}

/** Timestamps come back as Date (PostgreSQL), or as stored (SQLite): ISO-8601 either way. */
function iso(value: Date | string | number): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export class ScorecardStore {
  static async create(options: { knex: Knex; skipMigrations?: boolean }): Promise<ScorecardStore> {
    if (!options.skipMigrations) await migrateDatabase(options.knex);
    return new ScorecardStore(options.knex);
  }

  constructor(private readonly db: Knex) {}

  /**
   * Store a scorecard (`serialiseScorecard`) as the entity's latest and append it to the history (keeping
   * the newest `maxHistoryEntries` points). With `scanState`, the pull state is recorded as successful in
   * the same transaction. Returns the scorecard's revision (1 for the entity's first).
   */
  async save(
    key: string,
    scorecard: SerialisedScorecard,
    options: { maxHistoryEntries: number; scanState?: ScanStateInput },
  ): Promise<number> {
    const { columns: fields, json } = scorecard;
    const [kind, rest] = splitKey(key);
    const now = new Date().toISOString();
    const columns = {
      kind,
      namespace: rest.namespace,
      name: rest.name,
      score: fields.score,
      grade: fields.grade,
      maturity_level: fields.maturityLevel,
      source: fields.source,
      scanned_at: fields.scannedAt,
      commit_sha: fields.commitSha ?? null,
      counts: JSON.stringify(fields.counts),
      scorecard: json,
      updated_at: now,
    };
    // A new scorecard is newer than any failed pull: the error shows again only if the next pull fails.
    return this.db.transaction(async (tx) => {
      await tx(TABLES.scorecards)
        .insert({ entity_ref: key, revision: 1, ...columns, pull_error: null })
        .onConflict('entity_ref')
        .merge({
          ...columns,
          // The proposed row's JSON (SQLite and PostgreSQL upserts): the text is sent once, not twice.
          scorecard: tx.raw('??', ['excluded.scorecard']),
          pull_error: null,
          revision: tx.raw('?? + 1', [`${TABLES.scorecards}.revision`]),
        });
      const row = await tx(TABLES.scorecards)
        .where({ entity_ref: key })
        .first<{ revision: number }>('revision');
      const revision = Number(row!.revision);
      await tx(TABLES.history).insert({
        entity_ref: key,
        revision,
        scanned_at: fields.scannedAt,
        score: fields.score,
        grade: fields.grade,
        source: fields.source,
        commit_sha: fields.commitSha ?? null,
      });
      await tx(TABLES.history)
        .where({ entity_ref: key })
        .andWhere('revision', '<=', revision - options.maxHistoryEntries)
        .delete();
      if (options.scanState) {
        await upsertScanState(tx, key, {
          location: options.scanState.location,
          etag: options.scanState.etag ?? null,
          settings_hash: options.scanState.settingsHash,
          status: 'ok',
          last_error: null,
          last_attempt_at: now,
          last_success_at: now,
        });
      }
      return revision;
    });
  }

  /**
   * The stored scorecard as JSON text, with the last failed pull (if any) as its `lastError`, the
   * scorecard's revision and that failure's own JSON text. One primary-key row read and no JSON
   * parsing: this is the hot path of the API.
   */
  async readScorecard(
    key: string,
  ): Promise<{ json: string; revision: number; pullError?: string } | undefined> {
    const rows: { scorecard: string; revision: number; pull_error: string | null }[] = await this.db
      .select('scorecard', 'revision', 'pull_error')
      .from(TABLES.scorecards)
      .where('entity_ref', key)
      .limit(1);
    const row = rows[0];
    if (!row) return undefined;
    const revision = Number(row.revision);
    if (row.pull_error === null) return { json: row.scorecard, revision };
    // The stored object has no `lastError` (serialiseScorecard): it goes last, before the closing brace.
    const json = `${row.scorecard.slice(0, -1)},"lastError":${row.pull_error}}`;
    return { json, revision, pullError: row.pull_error };
  }

  async getScorecard(key: string): Promise<Scorecard | undefined> {
    const read = await this.readScorecard(key);
    return read === undefined ? undefined : (JSON.parse(read.json) as Scorecard);
  }

  /** The `limit` most recent history points, oldest first. */
  async getHistory(key: string, limit: number): Promise<ScoreHistoryPoint[]> {
    const rows = await this.db(TABLES.history)
      .where({ entity_ref: key })
      .orderBy('revision', 'desc')
      .limit(limit)
      .select<HistoryRow[]>('revision', 'scanned_at', 'score', 'grade', 'source', 'commit_sha');
    return rows.reverse().map((row) => ({
      scannedAt: iso(row.scanned_at),
      score: Number(row.score),
      grade: row.grade as LetterGrade,
      source: row.source as ScorecardSource,
      ...(row.commit_sha !== null && { commitSha: row.commit_sha }),
    }));
  }

  /** Summaries of every stored scorecard, optionally of some grades only. */
  async listSummaries(
    filter: { grades?: readonly LetterGrade[] } = {},
  ): Promise<ScorecardSummary[]> {
    const query = this.db(TABLES.scorecards).select<ScorecardRow[]>(
      'entity_ref',
      'kind',
      'namespace',
      'name',
      'revision',
      'score',
      'grade',
      'maturity_level',
      'source',
      'scanned_at',
      'counts',
    );
    if (filter.grades && filter.grades.length > 0) query.whereIn('grade', [...filter.grades]);
    const rows = await query;
    return rows.map((row) => ({
      key: row.entity_ref,
      entityRef: row.entity_ref,
      kind: row.kind,
      namespace: row.namespace,
      name: row.name,
      revision: Number(row.revision),
      score: Number(row.score),
      grade: row.grade as LetterGrade,
      gradeRank: gradeRank(row.grade as LetterGrade),
      maturityLevel: Number(row.maturity_level),
      counts: JSON.parse(row.counts) as Record<Severity, number>,
      source: row.source as ScorecardSource,
      scannedAt: iso(row.scanned_at),
    }));
  }

  /** The `points` most recent scores of each entity, oldest first. */
  async getTrends(keys: readonly string[], points: number): Promise<Map<string, number[]>> {
    const trends = new Map<string, number[]>(keys.map((key) => [key, []]));
    if (keys.length === 0) return trends;
    const ranked = this.db(TABLES.history)
      .whereIn('entity_ref', [...keys])
      .select(
        'entity_ref',
        'revision',
        'score',
        this.db.raw('row_number() over (partition by entity_ref order by revision desc) as rn'),
      );
    const rows = await this.db
      .from(ranked.as('ranked'))
      .where('rn', '<=', points)
      .orderBy([{ column: 'entity_ref' }, { column: 'revision', order: 'asc' }])
      .select<{ entity_ref: string; score: number }[]>('entity_ref', 'score');
    for (const row of rows) trends.get(row.entity_ref)?.push(Number(row.score));
    return trends;
  }

  async getScanState(key: string): Promise<ScanState | undefined> {
    const row = await this.db(TABLES.scanState).where({ entity_ref: key }).first<ScanStateRow | undefined>();
    if (!row) return undefined;
    return {
      location: row.location,
      ...(row.etag !== null && { etag: row.etag }),
      ...(row.settings_hash !== null && { settingsHash: row.settings_hash }),
      status: row.status as ScanState['status'],
      ...(row.last_error !== null && { lastError: row.last_error }),
      lastAttemptAt: iso(row.last_attempt_at),
      ...(row.last_success_at !== null && { lastSuccessAt: iso(row.last_success_at) }),
    };
  }

  /** A pull that failed: the stored scorecard stays, the error is recorded (and shown with the scorecard). */
  async recordScanFailure(key: string, location: string, message: string): Promise<void> {
    const at = new Date().toISOString();
    const failure: ScanFailure = { message, at, ...(location !== '' && { location }) };
    await this.db.transaction(async (tx) => {
      // The ETag goes: the next pull reads and scans the tree again instead of skipping it as unchanged.
      await upsertScanState(tx, key, {
        location,
        etag: null,
        status: 'error',
        last_error: message,
        last_attempt_at: at,
      });
      await tx(TABLES.scorecards)
        .where({ entity_ref: key })
        .update({ pull_error: JSON.stringify(failure) });
    });
  }

  /** No manifests where the defaults point: not an error, the entity simply has nothing to pull. */
  async recordNoManifests(key: string, location: string): Promise<void> {
    await upsertScanState(this.db, key, {
      location,
      etag: null,
      status: 'no-manifests',
      last_error: null,
      last_attempt_at: new Date().toISOString(),
    });
  }

  /** The tree did not change since the stored ETag: only the attempt time moves. */
  async recordNotModified(key: string): Promise<void> {
    const now = new Date().toISOString();
    await this.db(TABLES.scanState)
      .where({ entity_ref: key })
      .update({ status: 'ok', last_error: null, last_attempt_at: now, last_success_at: now });
  }
}

function splitKey(key: string): [string, { namespace: string; name: string }] {
  const colon = key.indexOf(':');
  const slash = key.indexOf('/', colon + 1);
  return [key.slice(0, colon), { namespace: key.slice(colon + 1, slash), name: key.slice(slash + 1) }];
}

async function upsertScanState(
  db: Knex | Knex.Transaction,
  key: string,
  values: Record<string, unknown>,
): Promise<void> {
  await db(TABLES.scanState)
    .insert({ entity_ref: key, ...values })
    .onConflict('entity_ref')
    .merge(values);
}
