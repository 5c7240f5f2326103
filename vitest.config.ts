import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		// The kernel's whole-heap invariant checks (the debug-only ASSERT) are on in every test.
		env: {KMTOP_DEBUG_ASSERTS: '1'},
		testTimeout: 60_000,
		hookTimeout: 60_000,
		pool: 'forks',
	},
});
