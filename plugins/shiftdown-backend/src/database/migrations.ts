/**
 * The plugin's schema, as an in-code Knex migration source: type-checked, and the same code runs from
 * dist and under Jest (a `migrations/` folder of `.js` files would be loaded through `import()`, which
 * Jest's CommonJS runtime cannot do for this ESM package).
 *
 * Findings live in the scorecard's JSON column, not in a table of their own: they are only ever read
 * and replaced together with their scorecard (one row read per request, one row written per scan, in
 * the same transaction), and no query looks into individual findings — the overview reads the summary
 * columns next to the JSON.
 */
import type { Knex } from 'knex';

export const MIGRATIONS_TABLE = 'shiftdown_knex_migrations';

export const TABLES = {
  scorecards: 'shiftdown_scorecards',
  history: 'shiftdown_score_history',
  scanState: 'shiftdown_scan_state',
} as const;

const MIGRATIONS: ReadonlyArray<readonly [string, Knex.Migration]> = [
  [
    '20260601000000_initial',
    {
      async up(knex) {
        await knex.schema.createTable(TABLES.scorecards, (table) => {
          table.comment('The latest scorecard of each entity');
          table.string('entity_ref', 255).primary().comment('Lower-cased kind:namespace/name');
          table.string('kind', 255).notNullable();
          table.string('namespace', 255).notNullable();
          table.string('name', 255).notNullable();
          table.integer('revision').notNullable().comment('1, 2, … per entity: one per stored scan or push');
          table.double('score').notNullable();
          table.string('grade', 2).notNullable();
          table.integer('maturity_level').notNullable();
          table.string('source', 8).notNullable().comment('pull or push');
          table.timestamp('scanned_at', { useTz: true }).notNullable();
          table.string('commit_sha', 64).nullable();
          table.text('counts').notNullable().comment('JSON: unsuppressed findings per severity');
          table
            .text('scorecard', 'longtext')
            .notNullable()
            .comment('JSON: the whole Scorecard, findings included');
          table
            .text('pull_error')
            .nullable()
            .comment(
              'JSON ScanFailure of a pull that failed after this scorecard (copy of the scan state, for one-row reads)',
            );
          table.timestamp('updated_at', { useTz: true }).notNullable();
          table.index(['kind'], 'shiftdown_scorecards_kind_idx');
        });
        await knex.schema.createTable(TABLES.history, (table) => {
          table.comment('Score history per entity, bounded by shiftdown.history.maxEntries');
          table.bigIncrements('id').primary();
          table.string('entity_ref', 255).notNullable();
          table.integer('revision').notNullable();
          table.timestamp('scanned_at', { useTz: true }).notNullable();
          table.double('score').notNullable();
          table.string('grade', 2).notNullable();
          table.string('source', 8).notNullable();
          table.string('commit_sha', 64).nullable();
          table.unique(['entity_ref', 'revision'], { indexName: 'shiftdown_score_history_ref_revision_uq' });
        });
        await knex.schema.createTable(TABLES.scanState, (table) => {
          table.comment('Pull scans: where each entity was read from, its ETag and the last outcome');
          table.string('entity_ref', 255).primary();
          table.text('location').notNullable();
          table.text('etag').nullable();
          table.string('settings_hash', 64).nullable().comment('The scan settings the ETag was scanned with');
          table.string('status', 16).notNullable().comment('ok, error or no-manifests');
          table.text('last_error').nullable();
          table.timestamp('last_attempt_at', { useTz: true }).notNullable();
          table.timestamp('last_success_at', { useTz: true }).nullable();
        });
      },
      async down(knex) {
        await knex.schema.dropTable(TABLES.scanState);
        await knex.schema.dropTable(TABLES.history);
        await knex.schema.dropTable(TABLES.scorecards);
      },
    },
  ],
];

class InlineMigrationSource implements Knex.MigrationSource<string> {
  async getMigrations(): Promise<string[]> {
    return MIGRATIONS.map(([name]) => name);
  }
  getMigrationName(migration: string): string {
    return migration;
  }
  async getMigration(migration: string): Promise<Knex.Migration> {
    const found = MIGRATIONS.find(([name]) => name === migration);
    if (!found) throw new Error(`unknown Shiftdown migration ${migration}`);
    return found[1];
  }
}

/** Bring the plugin's tables up to date (idempotent; Knex's lock table keeps replicas from racing). */
export async function migrateDatabase(knex: Knex): Promise<void> {
  await knex.migrate.latest({ migrationSource: new InlineMigrationSource(), tableName: MIGRATIONS_TABLE });
}
