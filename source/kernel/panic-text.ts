// What the console printed when the kernel stopped (reference §9.2, §9.3), for the revision booted.
// The backtrace that followed is not simulated: it went to the debug port with addresses we do
// not have. Page faults in ring 0 and hangs carry kmtop's own words, marked as such: the exact
// crash text of a ring-0 page fault in late 2020 is unconfirmed (reference §12).

import type {SourceSite} from './panic.js';
import type {Revision} from './revisions.js';
import {sites} from './source-sites.js';

/** `__assertion_failed`: two lines, the same for ASSERT (2020) and VERIFY (2021). */
export const formatVerifyFailure = (site: SourceSite): string[] => [
	`ASSERTION FAILED: ${site.expression}`,
	`${site.file}:${site.line} in ${site.function}`,
];

/** kmalloc's out-of-memory stop: a klog line before 531d72fdfda, PANIC() after (§9.3). */
export const formatOomPanic = (revision: Revision, size: number): string[] => {
	if (revision.oomMessage === 'klog') {
		return [`kmalloc(): PANIC! Out of memory (no suitable block for size ${size})`];
	}

	const site = sites.kmallocOutOfMemory;
	return [
		'KERNEL PANIC! :^(',
		`kmalloc: Out of memory (requested size: ${size})`,
		`at ${site.file}:${site.line} in ${revision.kmallocFunctionName === 'kmalloc' ? 'void* kmalloc(size_t)' : site.function}`,
	];
};

export const faultLines = (description: string): string[] => [
	`Page fault in ring 0: ${description}`,
	'Crash in ring 0 :(',
	"(kmtop: the real kernel's crash text of this era may differ; this line is kmtop's)",
];

export const hangLines = (description: string): string[] => [
	`kmtop watchdog: ${description}`,
	'(kmtop: the real kernel hangs here; the simulation stopped it)',
];
