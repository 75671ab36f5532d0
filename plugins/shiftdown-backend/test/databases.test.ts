import { databaseIds } from './helpers/databases.js';

describe('databaseIds (which engines the store tests run on)', () => {
  it('adds every PostgreSQL major version that has a connection string, in order', () => {
    expect(
      databaseIds({
        BACKSTAGE_TEST_DATABASE_POSTGRES17_CONNECTION_STRING: 'postgresql://a',
        BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING: 'postgresql://b',
        BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING: '',
        BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING: 'mysql://c',
      }),
    ).toEqual(['SQLITE_3', 'POSTGRES_15', 'POSTGRES_17']);
  });

  it('is SQLite alone, with a warning, without one', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    expect(databaseIds({})).toEqual(['SQLITE_3']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('the PostgreSQL tests are SKIPPED'));
    warn.mockRestore();
  });
});
