// Before any test file runs: build dist/ when it is missing or older than a source, so
// `npx vitest run` on its own never tests a stale CLI (the spawned-CLI tests run dist/).
import {buildIfStale} from '../scripts/build-if-stale.js';

export default function setup(): void {
	buildIfStale({label: 'vitest'});
}
