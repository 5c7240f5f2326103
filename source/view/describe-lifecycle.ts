// The lifecycle of the heap as one line per event: subheaps added and removed (with their fate
// from `retiredSubheaps`: freed, became the backup, queued, re-added), the backup consumed,
// replaced, recycled or failed, failed expansions, panics, workload switches and reboots.

import type {SnapshotDocument, SnapshotEvent} from '../engine/snapshot-types.js';
import {formatSize} from './format-bytes.js';
import {formatCount} from './format-number.js';
import {layoutItems, listItems, markAt, markColumn, selectLine, type ListItems, type ListLayout, type ListView} from './scroll-list.js';
import {highlightMatches, queryMatcher} from './search-text.js';
import {lifecycleEvents} from './select-events.js';
import {fitLine, lineWidth, padStart, segment, type StyledLine, type Tone} from './styled-line.js';
import {wrapLine} from './wrap-text.js';

export type LifecycleItem = {glyph: string; tone: Tone; text: string};

/** What became of a removed subheap, in words. */
export const fateWords: Record<string, string> = {
	freed: 'freed',
	'became-backup': 'became the backup',
	queued: 'queued, not yet freed',
	're-added': 'rejected and re-added',
};

const addressAndBytes = /(V0x[\da-f]+), bytes: (\d+)/;

const describeRemoval = (event: SnapshotEvent, document: SnapshotDocument): string => {
	const match = addressAndBytes.exec(event.message);
	const queued = event.message.startsWith('Queue');
	if (!match) {
		return event.message;
	}

	const base = match[1]!.slice(1);
	const retired = document.retiredSubheaps.find((record) => record.base === base && record.removedAtTick === event.tick);
	const fate = retired ? fateWords[retired.fate] ?? retired.fate : 'fate not kept';
	const id = retired ? `#${retired.id} ` : '';
	return `${id}removed  ${match[1]}  ${formatSize(Number(match[2]))}  ${queued && retired?.fate !== 'queued' ? 'queued → ' : ''}${fate}`;
};

/** The engine's `at tick 210559` in kmtop's number style: `at tick 210,559`. */
export const withCounts = (message: string): string => message.replace(/\bat tick (\d+)/g, (_, tick: string) => `at tick ${formatCount(Number(tick))}`);

/** What one event says, in a glyph (never colour alone) and words. */
export const describeLifecycleEvent = (event: SnapshotEvent, document: SnapshotDocument): LifecycleItem => {
	const place = addressAndBytes.exec(event.message);
	const where = place ? `${place[1]}  ${formatSize(Number(place[2]))}` : event.message;
	switch (event.kind) {
		case 'subheap-added': {
			const match = /^#(\d+) from (\w+) at /.exec(event.message);
			return {glyph: '+', tone: 'good', text: match ? `#${match[1]} added from ${match[2]}  ${where}` : event.message};
		}

		case 'subheap-removed': {
			return {glyph: '−', tone: 'warn', text: describeRemoval(event, document)};
		}

		case 'backup-consumed': {
			return {glyph: '●', tone: 'accent', text: `backup consumed  ${where}`};
		}

		case 'backup-replaced': {
			return {glyph: '○', tone: 'accent', text: `new backup  ${where}`};
		}

		case 'backup-recycled': {
			const base = place?.[1]?.slice(1);
			const retired = document.retiredSubheaps
				.filter((record) => record.base === base && record.fate === 'became-backup' && record.removedAtTick <= event.tick)
				.at(-1);
			return {glyph: '◆', tone: 'accent', text: `${retired ? `#${retired.id} ` : ''}removed memory became the backup  ${where}`};
		}

		case 'backup-replacement-failed':
		case 'expansion-failed': {
			return {glyph: '✕', tone: 'bad', text: event.message};
		}

		case 'panic': {
			return {glyph: '!!', tone: 'alarm', text: event.message};
		}

		case 'workload-switched': {
			// The tick is the line's own first column.
			return {glyph: '⇄', tone: 'accent', text: event.message.replace(/ at tick \d+$/, '')};
		}

		case 'workload-error': {
			return {glyph: '!', tone: 'bad', text: withCounts(event.message)};
		}

		case 'reboot': {
			return {glyph: '↻', tone: 'accent', text: event.message};
		}

		default: {
			return {glyph: '·', tone: 'dim', text: event.message};
		}
	}
};

/** The tick column's width: the widest tick among `events` (so the column does not move as they scroll). */
export const tickColumnWidth = (events: readonly SnapshotEvent[]): number =>
	Math.max(5, ...events.map((event) => `t${formatCount(event.tick)}`.length));

/**
`t2,847 −  #4 removed  V0xc4ba9000  2056K  queued → freed`: one event in `width` columns, its
words wrapped under themselves when they do not fit on one line (never cut).
*/
export const lifecycleLines = (event: SnapshotEvent, document: SnapshotDocument, width: number, tickWidth = 10): StyledLine[] => {
	const item = describeLifecycleEvent(event, document);
	const head: StyledLine = [segment(padStart(`t${formatCount(event.tick)}`, tickWidth), 'dim'), segment(' '), segment(item.glyph.padEnd(2), item.tone), segment(' ')];
	const indent = ' '.repeat(lineWidth(head));
	return wrapLine([...head, segment(item.text, item.tone === 'alarm' ? 'alarm' : 'plain')], width, indent).map((line) => fitLine(line, width));
};

/**
The newest events whose lines fit in `lines` screen lines (every event when undefined), whole,
newest first or oldest first.
*/
export const describeEvents = (
	events: readonly SnapshotEvent[],
	document: SnapshotDocument,
	width: number,
	lines?: number,
	order: 'newest-first' | 'oldest-first' = 'newest-first',
): StyledLine[][] => {
	const tickWidth = tickColumnWidth(events);
	const chosen: StyledLine[][] = [];
	let used = 0;
	for (let index = events.length - 1; index >= 0; index--) {
		const eventLines = lifecycleLines(events[index]!, document, width, tickWidth);
		if (lines !== undefined && used + eventLines.length > lines) {
			break;
		}

		chosen.push(eventLines);
		used += eventLines.length;
	}

	return order === 'newest-first' ? chosen : chosen.reverse();
};

/** The newest lifecycle events that fit in `lines` screen lines (all when undefined), newest first. */
export const describeLifecycle = (document: SnapshotDocument, width: number, lines?: number): StyledLine[] =>
	describeEvents(lifecycleEvents(document.events), document, width, lines).flat();

/** The words of an event's line as the list shows them (tick, glyph, text): what `/` searches. */
export const lifecycleText = (event: SnapshotEvent, document: SnapshotDocument): string => {
	const item = describeLifecycleEvent(event, document);
	return `t${formatCount(event.tick)} ${item.glyph} ${item.text}`;
};

/** lifecycleItemLines' items, each event's lines made when asked for (a window shows a few of up to 200). */
const lifecycleItems = (events: readonly SnapshotEvent[], document: SnapshotDocument, width: number, view: ListView = {}): ListItems => {
	const tickWidth = tickColumnWidth(events);
	const matches = queryMatcher(view.query ?? '');
	return listItems(events.length, (index) => {
		const event = events[index]!;
		const lines = lifecycleLines(event, document, width, tickWidth);
		const cursor = view.cursor === index;
		const match = matches(lifecycleText(event, document));
		if (!cursor && !match) {
			return lines;
		}

		return lines.map((line, row) => {
			// The mark in the gap after the tick column; a wrapped line keeps its indent.
			const marked = row === 0 ? markAt(line, tickWidth, markColumn(cursor, match, true)) : line;
			const toned = cursor ? selectLine(marked) : marked;
			return match ? highlightMatches(toned, view.query!) : toned;
		});
	});
};

/**
Each event's lines in a list you move through (`events` in the order shown, newest first), the
cursor's and the matches' marked between the tick and the glyph, the cursor's line in reverse.
*/
export const lifecycleItemLines = (events: readonly SnapshotEvent[], document: SnapshotDocument, width: number, view: ListView = {}): StyledLine[][] => {
	const items = lifecycleItems(events, document, width, view);
	return events.map((_, index) => items.lines(index));
};

/** The events (newest first) in a window of `height` lines, from the newest unless the view says where. */
export const describeLifecycleList = (
	events: readonly SnapshotEvent[],
	document: SnapshotDocument,
	width: number,
	height: number,
	view: ListView = {},
): ListLayout & {top: number} => {
	const top = view.top ?? 0;
	return {...layoutItems(lifecycleItems(events, document, width, view), width, height, top), top};
};
