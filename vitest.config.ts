import {availableParallelism} from 'node:os';
import {defineConfig} from 'vitest/config';

/**
Test files that only compute: kernels and workloads run in-process, documents turned into lines.
No clock, no terminal, no child process or thread: nothing in them waits on anything but the CPU,
so they run first, one file per core (on two cores the 30,000-tick runs no longer take turns on
one of them while the other idles).
*/
const compute = ['test/kernel/**/*.test.{ts,tsx}', 'test/workloads/**/*.test.{ts,tsx}', 'test/view/**/*.test.{ts,tsx}'];

export default defineConfig({
	test: {
		globalSetup: ['test/global-setup.ts'],
		// A limit for a hang, not a measure of speed: on a busy two-core machine a test that takes
		// 30 s alone takes minutes. Waits inside a test fail sooner, saying what they waited for,
		// and a wait for a long run lasts as long as the run makes progress (test/ui/helpers.ts).
		testTimeout: 600_000,
		hookTimeout: 600_000,
		pool: 'forks',
		projects: [
			{
				extends: true,
				test: {name: 'compute', include: compute, maxWorkers: availableParallelism(), sequence: {groupOrder: 0}},
			},
			{
				// The rest draw on terminals, spawn kmtop and start engine threads: one file at a time
				// on two cores (Vitest's default, a core less than the machine has), so that a file's
				// own children and threads have the other core and its waits are not starved.
				// Ink stays silent until exit when it thinks it runs on CI (is-in-ci reads CI and
				// CONTINUOUS_INTEGRATION once, when Ink loads), and these files must see a terminal: the
				// live shell's own module clears them before any test file imports Ink.
				extends: true,
				test: {
					name: 'live',
					include: ['test/**/*.test.{ts,tsx}'],
					exclude: compute,
					setupFiles: ['source/ui/ignore-ci-variables.ts'],
					sequence: {groupOrder: 1},
				},
			},
		],
	},
});
