// The end-to-end test: a real scaffolder backend with this module, driven over HTTP (same transform
// settings as the unit tests). Named jest.config.* so Turbo's test inputs include it.
const unit = require('./jest.config.cjs');

module.exports = {
  ...unit,
  testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  // The scaffolder backend leaves handles open after `backend.stop()` (its task workers and the
  // database pool): without this the run never exits.
  forceExit: true,
};
