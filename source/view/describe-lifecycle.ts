// The lifecycle of the heap as one line per event: subheaps added and removed (with their fate
// from `retiredSubheaps`: freed, became the backup, queued, re-added), the backup consumed,
// replaced, recycled or failed, failed expansions, panics, workload switches and reboots.

import type {SnapshotDocument, SnapshotEvent} from '../engine/snapshot-types.js';
import {formatCount} from './format-number.js';
import {lifecycleEvents} from './select-events.js';
import {fitLine, padStart, segment, type StyledLine, type Tone} from './styled-line.js';

export type LifecycleItem = {glyph: string; tone: Tone; text: string};

const fateWords: Record<string, string> = {
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
	return `${id}removed  ${match[1]}  ${match[2]} bytes  ${queued && retired?.fate !== 'queued' ? 'queued → ' : ''}${fate}`;
};

/** What one event says, in a glyph (never colour alone) and words. */
export const describeLifecycleEvent = (event: SnapshotEvent, document: SnapshotDocument): LifecycleItem => {
	const place = addressAndBytes.exec(event.message);
	const where = place ? `${place[1]}  ${place[2]} bytes` : event.message;
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
			return {glyph: '⇄', tone: 'accent', text: event.message};
		}

		case 'workload-error': {
			return {glyph: '!', tone: 'bad', text: event.message};
		}

		case 'reboot': {
			return {glyph: '↻', tone: 'accent', text: event.message};
		}

		default: {
			return {glyph: '·', tone: 'dim', text: event.message};
		}
	}
};

/** `   t2,847 −  #4 removed  V0xc4ba9000  2105344 bytes  queued → freed` */
export const lifecycleLine = (event: SnapshotEvent, document: SnapshotDocument, width: number): StyledLine => {
	const item = describeLifecycleEvent(event, document);
	return fitLine(
		[
			segment(padStart(`t${formatCount(event.tick)}`, 10), 'dim'),
			segment(' '),
			segment(item.glyph.padEnd(2), item.tone),
			segment(' '),
			segment(item.text, item.tone === 'alarm' ? 'alarm' : 'plain'),
		],
		width,
	);
};

/** The newest `count` lifecycle events (all when undefined), newest first or oldest first. */
export const describeLifecycle = (
	document: SnapshotDocument,
	width: number,
	count?: number,
	order: 'newest-first' | 'oldest-first' = 'newest-first',
): StyledLine[] => {
	const events = lifecycleEvents(document.events);
	const chosen = count === undefined ? events : events.slice(Math.max(0, events.length - count));
	const ordered = order === 'newest-first' ? chosen.reverse() : chosen;
	return ordered.map((event) => lifecycleLine(event, document, width));
};
