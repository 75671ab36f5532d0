import { TestDatabases, type TestDatabaseId } from '@backstage/backend-test-utils';

/** The test utilities read `BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING` for each version. */
const POSTGRES_ENV = /^BACKSTAGE_TEST_DATABASE_POSTGRES(\d+)_CONNECTION_STRING$/;

/**
 * SQLite always; PostgreSQL for every version CI (or you) point the test utilities at —
 * `scripts/with-services.sh` exports the variable for whatever major version Debian installs.
 */
export function databaseIds(env: NodeJS.ProcessEnv = process.env): TestDatabaseId[] {
  const postgres = Object.keys(env)
    .filter((name) => env[name])
    .map((name) => POSTGRES_ENV.exec(name)?.[1])
    .filter((major): major is string => major !== undefined)
    .sort((a, b) => Number(a) - Number(b))
    .map((major) => `POSTGRES_${major}` as TestDatabaseId);
  if (postgres.length > 0) return ['SQLITE_3', ...postgres];
  console.warn(
    '\n⚠⚠⚠ No BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING is set: the PostgreSQL tests are SKIPPED\n' +
      '    and only SQLite is tested. Set one, e.g. BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=\n' +
      '    postgresql://postgres:postgres@127.0.0.1:5432, or run the tests through scripts/with-services.sh.\n',
  );
  return ['SQLITE_3'];
}

/** One TestDatabases per test file (it shuts its engines down after the file). */
export function createTestDatabases(): { databases: TestDatabases; ids: TestDatabaseId[] } {
  const ids = databaseIds();
  return { databases: TestDatabases.create({ ids, disableDocker: true }), ids };
}
