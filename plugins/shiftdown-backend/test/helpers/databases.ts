import { TestDatabases, type TestDatabaseId } from '@backstage/backend-test-utils';

export const POSTGRES_ENV = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

/** SQLite always; PostgreSQL 15 when CI (or you) point the test utilities at a server. */
export function databaseIds(): TestDatabaseId[] {
  if (process.env[POSTGRES_ENV]) return ['SQLITE_3', 'POSTGRES_15'];
  console.warn(
    `\n⚠⚠⚠ ${POSTGRES_ENV} is not set: the PostgreSQL 15 tests are SKIPPED and only SQLite is tested.\n` +
      `    Set it, e.g. ${POSTGRES_ENV}=postgresql://postgres:postgres@127.0.0.1:5432, to test PostgreSQL.\n`,
  );
  return ['SQLITE_3'];
}

/** One TestDatabases per test file (it shuts its engines down after the file). */
export function createTestDatabases(): { databases: TestDatabases; ids: TestDatabaseId[] } {
  const ids = databaseIds();
  return { databases: TestDatabases.create({ ids, disableDocker: true }), ids };
}
