// Where the test data lives, found from this file rather than the working directory, so the
// suite runs from any folder (vitest from the root, an editor, a CI runner).

import {fileURLToPath} from 'node:url';

/** 1,000 real Linux kmem events (ftrace text); see test/fixtures/README.md. */
export const ftraceExcerptPath = fileURLToPath(new URL('fixtures/linux-ftrace-kmem-excerpt.txt', import.meta.url));

/** The same kind of events as `perf script` prints them. */
export const perfCapturePath = fileURLToPath(new URL('fixtures/perf-script-kmem-capture.txt', import.meta.url));
