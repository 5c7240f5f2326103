// Ink's Output class (build/output.js), which patch-ink-output.ts patches. It is internal to
// Ink, not in its exports, so it is imported by file, beside Ink's entry. The shipped bundle
// replaces this module with a static import of the same file (scripts/build-bundle.js), so
// there the patch reaches the one Output class the bundled Ink draws with.

import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';

/** The module ink/build/output.js: its default export should be the Output class. */
export const loadInkOutput = async (): Promise<{default?: unknown}> => {
	const inkEntry = createRequire(import.meta.url).resolve('ink');
	return (await import(pathToFileURL(path.join(path.dirname(inkEntry), 'output.js')).href)) as {default?: unknown};
};
