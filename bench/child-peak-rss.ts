// Run in a child process of its own, so its peak RSS is the replay's alone: the 50,000-live trace
// through the kernel. Prints one JSON line.

import {Kernel} from '../source/kernel/kernel.js';
import {generateTrace, replayTrace} from './generate-trace.js';
import {readPeakRss} from './read-peak-rss.js';

const liveTarget = Number(process.argv[2] ?? 50_000);
const trace = generateTrace(1_000_000, liveTarget);
const kernel = new Kernel({ramBytes: 2048 * 1024 * 1024});
replayTrace(trace, (size) => kernel.kmalloc(size), (address) => kernel.kfree(address));
const memstat = kernel.memstat();
process.stdout.write(
	`${JSON.stringify({
		liveTarget,
		averageLive: trace.averageLive,
		heapBytes: memstat.kmalloc_allocated! + memstat.kmalloc_available!,
		peakRssBytes: readPeakRss(),
	})}\n`,
);
