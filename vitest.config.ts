import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		globalSetup: ['test/global-setup.ts'],
		// Generous: on a busy two-core machine a spawned CLI or a long property run can take a
		// minute; a passing test never waits for the limit.
		testTimeout: 180_000,
		hookTimeout: 180_000,
		pool: 'forks',
	},
});
