// What a dmesg line is, for highlighting: a line of the panic (the console's last words), a line
// of kmalloc's own (heap growth, removal, backup), or anything else.

export type LogLineKind = 'panic' | 'kmalloc' | 'other';

// What the console prints when the kernel stops (reference §9.2, §9.3) and kmtop's own words for
// the stops it simulates (a ring-0 fault, the watchdog).
const panicMarkers = ['KERNEL PANIC!', 'ASSERTION FAILED:', 'PANIC! Out of memory', 'Page fault in ring 0', 'Crash in ring 0', 'kmtop watchdog:'];

export const classifyLogLine = (line: string, panicLines: readonly string[] = []): LogLineKind => {
	if (panicLines.includes(line) || panicMarkers.some((marker) => line.includes(marker))) {
		return 'panic';
	}

	return line.includes('kmalloc') ? 'kmalloc' : 'other';
};

/** The `[#0 Name(pid:tid)]: ` (or `[Name(pid:tid)]: `) prefix klog puts before the text, if any. */
export const splitLogPrefix = (line: string): [prefix: string, text: string] => {
	const match = /^\[[^\]]*\]: /.exec(line);
	return match ? [match[0], line.slice(match[0].length)] : ['', line];
};
