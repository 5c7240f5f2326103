// The Backup region panel: the 1 MiB region the heap keeps so it can grow without calling into
// MM while full (reference §3.7, §3.9). Its state, address and size as the kernel log prints
// them, the counts since boot, when it was last used and replaced, and a strip of those events.
// A consumption or replacement within "a moment" (a few seconds' worth of ticks) flashes.

import type {EventKind, SnapshotDocument, SnapshotEvent} from '../engine/snapshot-types.js';
import {findRevision} from '../kernel/revisions.js';
import {formatKernelAddress, formatPages, formatSize} from './format-bytes.js';
import {formatCount} from './format-number.js';
import {graphTicksPerCell} from './graph-window.js';
import {eventsSinceBoot, lastEvent} from './select-events.js';
import {firstFitting, fitLine, joinSegments, segment, type Segment, type StyledLine, type Tone} from './styled-line.js';
import {isRecent as isRecentTick, type ViewFacts} from './view-facts.js';

/** Timeline glyphs, in order of precedence when two events share a cell. */
export const backupGlyphs: Array<[EventKind, string, string]> = [
	['backup-replacement-failed', '✕', 'failed'],
	['backup-consumed', '●', 'consumed'],
	['backup-recycled', '◆', 'recycled'],
	['backup-replaced', '○', 'replaced'],
];

const legendOrder: EventKind[] = ['backup-consumed', 'backup-replaced', 'backup-recycled', 'backup-replacement-failed'];

const isRecent = (document: SnapshotDocument, facts: ViewFacts, event: SnapshotEvent | undefined): boolean =>
	event !== undefined && isRecentTick(facts, document.run.tick, event.tick);

/** `● READY  V0xc1dcb000  1024K (256 pages)` and its siblings for the other states. */
export const backupStateLine = (document: SnapshotDocument, facts: ViewFacts, withPages = true): StyledLine => {
	const {backup} = document;
	const flash = isRecent(document, facts, lastEvent(document, ['backup-consumed', 'backup-replaced', 'backup-recycled']));
	const badge = (text: string, tone: Tone) => segment(text, flash ? 'flash' : tone);
	switch (backup.state) {
		case 'ready': {
			return [
				badge('● READY', 'good'),
				segment('  '),
				segment(formatKernelAddress(backup.base ?? '?'), 'accent'),
				segment('  '),
				segment(formatSize(backup.bytes ?? 0)),
				...(withPages ? [segment(` (${formatPages(backup.bytes ?? 0)})`, 'dim')] : []),
			];
		}

		case 'consumed': {
			return [badge('○ CONSUMED', 'warn'), segment('  added to the heap; replacement queued', 'dim')];
		}

		case 'replacing': {
			return [badge('◐ REPLACING', 'warn'), segment(`  MM is allocating ${formatSize(1_048_576)}`, 'dim')];
		}

		case 'none': {
			const expandable = findRevision(document.run.revision)?.expandable ?? true;
			return [
				segment('✕ NONE', expandable ? 'bad' : 'dim'),
				segment(expandable ? '  no backup: the next expansion fails' : '  this revision has a fixed pool, no backup', 'dim'),
			];
		}
	}
};

const countsLine = (document: SnapshotDocument): StyledLine => {
	const {backup} = document;
	const count = (label: string, value: number, tone: Tone = 'plain') => [segment(`${label} `, 'dim'), segment(String(value), tone)];
	return joinSegments([
		count('consumed', backup.consumed),
		count('replaced', backup.replaced),
		count('recycled', backup.recycled),
		count('failed', backup.failedReplacements, backup.failedReplacements > 0 ? 'bad' : 'plain'),
	]);
};

const sinceLine = (document: SnapshotDocument, facts: ViewFacts, label: string, kinds: EventKind[], count: number, width: number): StyledLine => {
	const event = lastEvent(document, kinds);
	if (!event) {
		return fitLine([segment(`last ${label}  `, 'dim'), segment(count > 0 ? 'before the events kept' : 'never', 'dim')], width);
	}

	const ago = formatCount(document.run.tick - event.tick);
	const recent = isRecent(document, facts, event);
	const word = kinds.length > 1 ? (event.kind === 'backup-recycled' ? 'recycled' : 'replaced') : label;
	const marker = recent ? [segment(' ◀ new', 'flash')] : [];
	const tick = (text: string) => segment(text, recent ? 'flash' : 'plain');
	return firstFitting(
		width,
		[segment(`last ${label}  `, 'dim'), tick(`tick ${formatCount(event.tick)}`), segment(` (${ago} ticks ago${word === label ? '' : `, ${word}`})`, 'dim'), ...marker],
		[segment(`last ${label}  `, 'dim'), tick(`t${formatCount(event.tick)}`), segment(` (${ago} ago)`, 'dim'), ...marker],
	);
};

/**
One cell per stretch of ticks, the newest at the right, aligned to absolute ticks. A consumption
and its replacement usually fall on the same tick: the later event then takes the next free cell
(within two, else the one before), so `●○` shows both rather than one hiding the other; where
nothing is free, the more telling glyph of the cell wins (a failure over a consumption, and so on).
*/
export const backupTimeline = (document: SnapshotDocument, width: number, facts: ViewFacts = {}): string => {
	const perCell = graphTicksPerCell(document, facts, width);
	const lastCell = Math.floor(document.run.tick / perCell);
	const firstCell = lastCell - width + 1;
	const cells: string[] = Array.from({length: width}, (_, index) => ((firstCell + index) * perCell < 0 ? ' ' : '─'));
	const ranks: number[] = new Array<number>(width).fill(Number.POSITIVE_INFINITY);
	const rank = new Map(backupGlyphs.map(([kind], index) => [kind, index]));
	const free = (cell: number) => cell >= 0 && cell < width && cells[cell] === '─';
	// Oldest first, so what a tick did reads left to right.
	for (const event of eventsSinceBoot(document)) {
		const kindRank = rank.get(event.kind);
		const cell = Math.floor(event.tick / perCell) - firstCell;
		if (kindRank === undefined || cell < 0 || cell >= width) {
			continue;
		}

		const target = [cell, cell + 1, cell + 2, cell - 1].find((candidate) => free(candidate)) ?? (kindRank < ranks[cell]! ? cell : undefined);
		if (target !== undefined) {
			cells[target] = backupGlyphs[kindRank]![1];
			ranks[target] = kindRank;
		}
	}

	return cells.join('');
};

/** How the running revision looks after its backup (reference §3.9, §5.4), for students of the bugs. */
const revisionLine = (document: SnapshotDocument, width: number): StyledLine => {
	const revision = findRevision(document.run.revision);
	if (!revision) {
		return fitLine([], width);
	}

	if (!revision.expandable) {
		return firstFitting(width, [segment('no backup in this revision: the pool never grows', 'dim')], [segment('no backup: a fixed pool', 'dim')]);
	}

	const replaced = revision.deferredBackupReplacement ? 'deferred call' : 'inside add_memory';
	const reused = revision.removedMemoryBecomesBackup;
	return firstFitting(
		width,
		[segment(`replacement: ${replaced}${reused ? ', removed memory reused' : ''}`, 'dim')],
		[segment(`replaced: ${replaced}${reused ? ', reuses removed' : ''}`, 'dim')],
	);
};

/** `● consumed ○ replaced ◆ recycled ✕ failed`: the same every frame, made once. */
const legend: readonly Segment[] = joinSegments(
	legendOrder.map((kind) => backupGlyphs.find(([candidate]) => candidate === kind)!).map(([, glyph, label]) => [segment(glyph, 'accent'), segment(` ${label}`, 'dim')]),
	' ',
);

export const describeBackup = (document: SnapshotDocument, facts: ViewFacts, width: number): StyledLine[] => {
	const stripWidth = Math.max(0, width - 4);
	const span = graphTicksPerCell(document, facts, stripWidth) * stripWidth;
	return [
		firstFitting(width, backupStateLine(document, facts), backupStateLine(document, facts, false)),
		fitLine(countsLine(document), width),
		sinceLine(document, facts, 'consumed', ['backup-consumed'], document.backup.consumed, width),
		sinceLine(document, facts, 'replaced', ['backup-replaced', 'backup-recycled'], document.backup.replaced + document.backup.recycled, width),
		fitLine([segment(backupTimeline(document, stripWidth, facts), 'accent'), segment(' now', 'dim')], width),
		firstFitting(width, [...legend, segment(`  ${formatCount(span)} ticks`, 'dim')], [...legend]),
		revisionLine(document, width),
	];
};

/** One line for the compact layout: the state and the counts that are not zero, as many as fit. */
export const describeBackupCompact = (document: SnapshotDocument, facts: ViewFacts, width: number): StyledLine => {
	const {backup} = document;
	const counts = (
		[
			['consumed', backup.consumed],
			['replaced', backup.replaced],
			['recycled', backup.recycled],
			['failed', backup.failedReplacements],
		] as Array<[string, number]>
	)
		.filter(([label, value]) => value > 0 || label === 'consumed')
		.map(([label, value]) => [segment(`${label} `, 'dim'), segment(String(value), label === 'failed' ? 'bad' : 'plain')]);
	const head = [segment('Backup ', 'bold'), ...backupStateLine(document, facts, false)];
	const variants = Array.from({length: counts.length + 1}, (_, dropped): StyledLine => {
		const shown = counts.slice(0, counts.length - dropped);
		return shown.length > 0 ? [...head, segment('  '), ...joinSegments(shown, ' ')] : head;
	});
	return firstFitting(width, ...variants);
};
