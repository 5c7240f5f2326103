// The panic screen: the console's last lines exactly as printed, the lifecycle events that led
// there, the heap as it was left, and the keys that still work (r, v/V, the workload keys, q).

import type {PanicRecord, SnapshotDocument} from '../engine/snapshot-types.js';
import {findRevision} from '../kernel/revisions.js';
import {backupStateLine} from './describe-backup.js';
import {kernelHeapLine} from './describe-kernel-heap.js';
import {describeEvents} from './describe-lifecycle.js';
import {formatSize} from './format-bytes.js';
import {formatCount} from './format-number.js';
import {haltedKeys} from './live-keys.js';
import {lifecycleEvents, eventsSinceBoot} from './select-events.js';
import {fitLine, segment, type StyledLine} from './styled-line.js';
import type {ViewFacts} from './view-facts.js';
import {flowLines, wrapLine, wrapText} from './wrap-text.js';

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

const keysLines = (width: number): StyledLine[] =>
	flowLines(
		haltedKeys.map(([key, action]) => [segment(key, 'bold'), segment(` ${action}`, 'dim')]),
		width,
		'   ',
	).map((line) => fitLine(line, width));

/** What the heap was left with: SystemMonitor's figures, the subheaps, the backup. Wrapped, never cut. */
const leftBehindLines = (document: SnapshotDocument, facts: ViewFacts, width: number): StyledLine[] => {
	const {systemMonitor, heap} = document;
	const figure = (label: string, value: string | number): StyledLine => [segment(label, 'bold'), segment(String(value))];
	return [
		fitLine([segment('Left behind', 'bold')], width),
		kernelHeapLine(document, width),
		...flowLines([figure('Calls kmalloc: ', systemMonitor.callsKmalloc), figure('Calls kfree: ', systemMonitor.callsKfree), figure('Difference: ', systemMonitor.difference)], width),
		// The console line above asks for bytes: the largest run says it in bytes too, beside the K.
		...flowLines(
			[
				[segment(`${heap.subheapCount} ${heap.subheapCount === 1 ? 'subheap' : 'subheaps'},`, 'dim')],
				[segment('largest free run ', 'dim'), segment(formatSize(heap.largestFreeRunBytes)), segment(` (${heap.largestFreeRunBytes} bytes)`, 'dim')],
			],
			width,
			' ',
		),
		...wrapLine([segment('Backup  ', 'bold'), ...backupStateLine(document, facts)], width, '        '),
	].map((line) => fitLine(line, width));
};

/**
The body lines at `width` columns, fitted to `height` lines (natural when undefined). The console's
lines and what was left behind always show; then the keys (the footer names the main ones too);
then, with what height is left, the lifecycle events that led here.
*/
export const describePanic = (document: SnapshotDocument, facts: ViewFacts, width: number, height?: number): StyledLine[] => {
	const {panic} = document;
	if (!panic) {
		return [];
	}

	const blank: StyledLine = fitLine([], width);
	const top = consoleLines(panic, width);
	const left = leftBehindLines(document, facts, width);
	const keys = keysLines(width);
	const essential = top.length + 1 + left.length;
	const withKeys = height === undefined || essential + 1 + keys.length <= height;
	const bottom = [blank, ...left, ...(withKeys ? [blank, ...keys] : [])];
	const events = lifecycleEvents(eventsSinceBoot(document)).filter((event) => event.kind !== 'panic');
	const room = height === undefined ? Number.POSITIVE_INFINITY : Math.max(0, height - top.length - bottom.length - 2);
	// The newest events that fit whole, each wrapped rather than cut.
	const shown = describeEvents(height === undefined ? events.slice(-TEXT_PANIC_EVENTS) : events, document, width, Number.isFinite(room) ? room : undefined, 'oldest-first');
	const middle =
		shown.length > 0
			? [
					blank,
					fitLine(
						[segment('What led here', 'bold'), segment(shown.length === 1 ? '  (the last event)' : `  (the last ${shown.length} events, oldest first)`, 'dim')],
						width,
					),
					...shown.flat(),
				]
			: [];
	const lines = [...top, ...middle, ...bottom];
	// Too short even for the essentials: the blank lines go before anything that says something.
	return height === undefined || lines.length <= height ? lines : lines.filter((line) => line !== blank).slice(0, height);
};
