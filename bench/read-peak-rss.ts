// A bench child's own peak RSS. Not process.resourceUsage().maxRSS: Linux carries a process's
// high-water mark across fork and exec, so a child spawned by the bench (itself 300-400 MiB by the
// time the memory lines run) reported the bench's peak, not its own (361 MiB for a replay that
// peaks at 100 MiB). /proc/self/status's VmHWM belongs to the address space exec made.

import {readFileSync} from 'node:fs';

export function readPeakRss(): number {
	try {
		const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
		if (match) {
			return Number(match[1]) * 1024;
		}
	} catch {
		// Not Linux: fall through to getrusage, which has no such inheritance elsewhere.
	}

	return process.resourceUsage().maxRSS * 1024;
}
