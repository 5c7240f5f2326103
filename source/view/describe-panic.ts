// The panic screen: the console's last lines exactly as printed, the lifecycle events that led
// there, the heap as it was left, and the keys that still work (r, v/V, the workload keys, q).

import type {PanicRecord, SnapshotDocument} from '../engine/snapshot-types.js';
import {findRevision} from '../kernel/revisions.js';
import {backupStateLine} from './describe-backup.js';
import {kernelHeapLine} from './describe-kernel-heap.js';
import {lifecycleLine} from './describe-lifecycle.js';
import {formatByteCount} from './format-bytes.js';
import {formatCount} from './format-number.js';
import {haltedKeys} from './live-keys.js';
import {lifecycleEvents, eventsSinceBoot} from './select-events.js';
import {fitLine, joinSegments, segment, type StyledLine} from './styled-line.js';
import type {ViewFacts} from './view-facts.js';
import {wrapText} from './wrap-text.js';

/** Events a text snapshot's panic section lists. */
const TEXT_PANIC_EVENTS = 12;

const kindWords = (document: SnapshotDocument, panic: PanicRecord): string => {
	switch (panic.kind) {
		case 'verify': {
			return `${findRevision(document.run.revision)?.assertionMacro ?? 'VERIFY'} failed`;
		}

		case 'oom': {
			return 'out of memory';
		}

		case 'hang': {
			return "a hang, stopped by kmtop's watchdog";
		}

		case 'fault': {
			return 'a page fault in ring 0';
		}
	}
};

export const panicTitle = (document: SnapshotDocument, panic: PanicRecord): string =>
	`KERNEL PANIC at tick ${formatCount(panic.tick)}: ${kindWords(document, panic)}`;

const consoleLines = (panic: PanicRecord, width: number): StyledLine[] =>
	panic.lines.flatMap((line) =>
		wrapText(line, width - 3).map((piece, index) => fitLine([segment(index === 0 ? '!! ' : '   ', 'alarm'), segment(piece, 'alarm')], width)),
	);

const keysLines = (width: number): StyledLine[] => {
	const items = haltedKeys.map(([key, action]) => [segment(key, 'bold'), segment(` ${action}`, 'dim')]);
	const lines: StyledLine[] = [];
	let current: StyledLine[] = [];
	for (const item of items) {
		const candidate = joinSegments([...current, item], '   ');
		if (current.length > 0 && candidate.reduce((sum, part) => sum + [...part.text].length, 0) > width) {
			lines.push(joinSegments(current, '   '));
			current = [item];
		} else {
			current.push(item);
		}
	}

	lines.push(joinSegments(current, '   '));
	return lines.map((line) => fitLine(line, width));
};

/** The body lines at `width` columns, fitted to `height` lines (natural when undefined). */
export const describePanic = (document: SnapshotDocument, facts: ViewFacts, width: number, height?: number): StyledLine[] => {
	const {panic} = document;
	if (!panic) {
		return [];
	}

	const blank: StyledLine = fitLine([], width);
	const top = consoleLines(panic, width);
	const bottom = [
		blank,
		fitLine([segment('Left behind', 'bold')], width),
		kernelHeapLine(document, width),
		fitLine(
			[
				segment('Calls kmalloc: ', 'bold'),
				segment(String(document.systemMonitor.callsKmalloc)),
				segment('  Calls kfree: ', 'bold'),
				segment(String(document.systemMonitor.callsKfree)),
				segment('  Difference: ', 'bold'),
				segment(document.systemMonitor.difference),
			],
			width,
		),
		// Exact bytes: beside the request in the console line, the largest run tells why it failed.
		fitLine(
			[
				segment(`${document.heap.subheapCount} ${document.heap.subheapCount === 1 ? 'subheap' : 'subheaps'}, largest free run `, 'dim'),
				segment(formatByteCount(document.heap.largestFreeRunBytes)),
			],
			width,
		),
		fitLine([segment('Backup  ', 'bold'), ...backupStateLine(document, facts)], width),
		blank,
		...keysLines(width),
	];
	const events = lifecycleEvents(eventsSinceBoot(document)).filter((event) => event.kind !== 'panic');
	const room = height === undefined ? TEXT_PANIC_EVENTS : Math.max(0, height - top.length - bottom.length - 2);
	const shown = events.slice(Math.max(0, events.length - room));
	const middle =
		room > 0 && shown.length > 0
			? [blank, fitLine([segment('What led here', 'bold'), segment(shown.length === 1 ? '  (the last event)' : `  (the last ${shown.length} events, oldest first)`, 'dim')], width), ...shown.map((event) => lifecycleLine(event, document, width))]
			: [];
	const lines = [...top, ...middle, ...bottom];
	return height === undefined ? lines : lines.slice(0, height);
};
