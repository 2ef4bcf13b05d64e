// The secrets the app generates on `npm start`, fixed for the integration tests. The global setup
// migrates with this AUTH_SECRET (it installs the platform gate key derived from it) and the test
// workers sign platform access with it.
export const TEST_AUTH_SECRET = "integration-secret-integration-secret-0123";
export const TEST_ENCRYPTION_KEY = "test-encryption-key-test-encryption-key";
