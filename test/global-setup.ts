// Before any test file runs: build dist/ (tsc, then the bundle) when it is missing or older than
// a source, so `npx vitest run` on its own never tests a stale CLI (the spawned-CLI tests run
// cli.js, which runs the bundle in dist/bundle; workers started from source run dist/source).
import {buildIfStale} from '../scripts/build-if-stale.js';

export default function setup(): void {
	buildIfStale({label: 'vitest'});
}
