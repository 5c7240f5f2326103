// Who holds the heap, as htop lists processes: one row per holder (the thread a kmalloc ran as,
// and what the kernel knows the block is for), with its live blocks and bytes, its share of the
// heap's allocated bytes, and its kmalloc and kfree calls per second of wall time (the engine
// measures them, as it does the header's). Sorted by any column (`<` / `>` move the sort); a total
// row the bytes add up to, which is the heap's allocated bytes.

import type {HolderRow, SnapshotDocument} from '../engine/snapshot-types.js';
export type {HolderRow} from '../engine/snapshot-types.js';
import type {ViewFacts} from './view-facts.js';
import {formatCompactNumber, formatCount, formatPercent} from './format-number.js';
import {fitLine, padEnd, padStart, segment, textWidth, truncateText, type StyledLine} from './styled-line.js';

/** Per second of wall time, by holder id, as the live engine measured them; absent in a text snapshot. */
export type HolderRates = ReadonlyMap<number, {kmallocPerSecond: number; kfreePerSecond: number}>;

/** The live engine's rates as a lookup by holder id; undefined in a text snapshot (no wall clock). */
export const holderRatesOf = (facts: ViewFacts): HolderRates | undefined =>
	facts.live ? new Map((facts.holderRates ?? []).map((rate) => [rate.id, rate])) : undefined;

export type HolderColumn = 'holder' | 'blocks' | 'bytes' | 'share' | 'kmalloc' | 'kfree';

export const holderColumns: readonly HolderColumn[] = ['holder', 'blocks', 'bytes', 'share', 'kmalloc', 'kfree'];

const columnWords: Record<HolderColumn, string> = {
	holder: 'holder',
	blocks: 'live blocks',
	bytes: 'live bytes',
	share: 'share of the heap',
	kmalloc: 'kmalloc/s',
	kfree: 'kfree/s',
};

/** The holders table of a document, when the engine keeps one. */
export const holderRows = (document: SnapshotDocument): readonly HolderRow[] | undefined => document.holders;

/** `NetworkTask(5:5) · VMObject`, `kernel · log buffer`, `workload leak`. */
export const holderName = (row: Pick<HolderRow, 'process' | 'purpose' | 'workload'>): string =>
	[row.process ?? (row.workload ? undefined : 'kernel'), row.purpose ?? undefined, row.workload ? `workload ${row.workload}` : undefined].filter(Boolean).join(' · ');

/**
holderName(row) in `width` columns. Cut at its end, the rows of one process read alike
(`ImageDecoder(45:45) · VM…` three times): what the process holds gives way no more than the
process does, each cut at its own end, the process keeping 40 % at least when both are long.
*/
export const fitHolderName = (row: Pick<HolderRow, 'process' | 'purpose' | 'workload'>, width: number): string => {
	const name = holderName(row);
	const thread = row.process ?? (row.workload ? undefined : 'kernel');
	const rest = [row.purpose ?? undefined, row.workload ? `workload ${row.workload}` : undefined].filter(Boolean).join(' · ');
	// Under 12 columns there is no room for both parts to say something: the name is cut at its end.
	if (textWidth(name) <= width || !thread || rest === '' || width < 12) {
		return truncateText(name, width);
	}

	// ' · ' between the two: three columns.
	const room = width - 3;
	const threadRoom = Math.max(room - textWidth(rest), Math.min(textWidth(thread), Math.max(4, Math.floor(room * 0.4))));
	return `${truncateText(thread, threadRoom)} · ${truncateText(rest, room - threadRoom)}`;
};

/**
The columns holderName(row) takes, without building it: the live view's layout asks this of every
holder on every refresh (hundreds of rows, and a name string and two arrays each were a good part
of a frame's garbage). The same parts as holderName, an empty one left out as `filter(Boolean)` does.
*/
export const holderNameWidth = (row: Pick<HolderRow, 'process' | 'purpose' | 'workload'>): number => {
	let parts = 0;
	let width = 0;
	const thread = row.process ?? (row.workload ? undefined : 'kernel');
	if (thread) {
		parts++;
		width += textWidth(thread);
	}

	if (row.purpose) {
		parts++;
		width += textWidth(row.purpose);
	}

	if (row.workload) {
		parts++;
		width += 'workload '.length + textWidth(row.workload);
	}

	// ' · ' between two parts: three columns.
	return parts > 1 ? width + 3 * (parts - 1) : width;
};

const noRates = {kmallocPerSecond: 0, kfreePerSecond: 0} as const;

const rateOf = (rates: HolderRates | undefined, id: number) => rates?.get(id) ?? noRates;

/** The rows in `column`'s order: names A to Z, figures largest first; ties by live bytes, then id. */
export const sortHolders = (rows: readonly HolderRow[], column: HolderColumn, rates?: HolderRates): HolderRow[] => {
	const key = (row: HolderRow): number => {
		switch (column) {
			case 'blocks': {
				return row.liveBlocks;
			}

			case 'kmalloc': {
				return rateOf(rates, row.id).kmallocPerSecond;
			}

			case 'kfree': {
				return rateOf(rates, row.id).kfreePerSecond;
			}

			default: {
				return row.liveBytes;
			}
		}
	};

	const byName = column === 'holder';
	return [...rows].sort((a, b) => (byName ? holderName(a).localeCompare(holderName(b)) : key(b) - key(a)) || b.liveBytes - a.liveBytes || a.id - b.id);
};

/** Holders that hold something or were called lately: the ones worth a row. */
/** Whether the table lists a holder: it holds something, or called kmalloc or kfree in the last second. */
export const isShownHolder = (row: HolderRow, rates?: HolderRates): boolean =>
	row.liveBlocks !== 0 || row.liveBytes !== 0 || rateOf(rates, row.id).kmallocPerSecond > 0 || rateOf(rates, row.id).kfreePerSecond > 0;

export const shownHolders = (rows: readonly HolderRow[], rates?: HolderRates): HolderRow[] => rows.filter((row) => isShownHolder(row, rates));

type Widths = {name: number; blocks: number; bytes: number; share: number; rate: number; rates: boolean};

/** The rate columns (kmalloc/s, kfree/s) with their gaps. */
const RATES_WIDTH = 2 + 9 + 2 + 7;

const widthsFor = (width: number, rows: readonly HolderRow[], allocated: number, fitNames: boolean, column: HolderColumn): Widths => {
	const blocks = Math.max(6, formatCount(rows.reduce((sum, row) => sum + row.liveBlocks, 0)).length);
	const bytes = Math.max(10, formatCount(allocated).length);
	const fixed = 1 + 2 + blocks + 2 + bytes + 2 + 6 + 1;
	let longest = 0;
	for (const row of rows) {
		longest = Math.max(longest, holderNameWidth(row) + 1);
	}

	// A narrow table gives the rates' room to the names before it would cut one (not while sorted by a rate).
	const rates = !fitNames || column === 'kmalloc' || column === 'kfree' || width - fixed - RATES_WIDTH >= longest;
	return {name: Math.max(10, width - fixed - (rates ? RATES_WIDTH : 0)), blocks, bytes, share: 6, rate: 9, rates};
};

const rateText = (value: number | undefined): string => (value === undefined ? '—' : formatCompactNumber(value));

/** The header, the sort column marked `▾` (names `▴`, A to Z). */
export const holderHeader = (width: number, widths: Widths, column: HolderColumn): StyledLine => {
	const mark = (name: HolderColumn, text: string) => (name === column ? `${text}${name === 'holder' ? '▴' : '▾'}` : text);
	const cells: Array<[HolderColumn, string]> = [
		['holder', ` ${padEnd(mark('holder', 'holder'), widths.name)}`],
		['blocks', `  ${padStart(mark('blocks', 'blocks'), widths.blocks)}`],
		['bytes', `  ${padStart(mark('bytes', 'live bytes'), widths.bytes)}`],
		['share', `  ${padStart(mark('share', 'share'), widths.share)}`],
		...(widths.rates
			? ([
					['kmalloc', `  ${padStart(mark('kmalloc', 'kmalloc/s'), widths.rate)}`],
					['kfree', `  ${padStart(mark('kfree', 'kfree/s'), 7)}`],
				] as Array<[HolderColumn, string]>)
			: []),
	];
	return fitLine(
		cells.map(([name, text]) => segment(text, name === column ? 'bold' : 'dim')),
		width,
	);
};

const holderLine = (row: HolderRow, width: number, widths: Widths, allocated: number, rates: HolderRates | undefined, selected: boolean): StyledLine => {
	const rate = rates ? rateOf(rates, row.id) : undefined;
	const name = fitHolderName(row, widths.name - 1);
	const line: StyledLine = [
		segment(selected ? '▸' : ' ', selected ? 'selected' : 'plain'),
		segment(padEnd(name, widths.name), row.workload ? 'accent' : 'plain'),
		segment(`  ${padStart(formatCount(row.liveBlocks), widths.blocks)}`),
		segment(`  ${padStart(formatCount(row.liveBytes), widths.bytes)}`, 'bold'),
		segment(`  ${padStart(formatPercent(allocated === 0 ? 0 : row.liveBytes / allocated), widths.share)}`),
		...(widths.rates
			? [segment(`  ${padStart(rateText(rate?.kmallocPerSecond), widths.rate)}`, 'dim'), segment(`  ${padStart(rateText(rate?.kfreePerSecond), 7)}`, 'dim')]
			: []),
	];
	return fitLine(selected ? line.map((part) => segment(part.text, 'selected')) : line, width);
};

export type HoldersOptions = {
	width: number;
	/** Lines for the table (header and total included); every row when undefined. */
	height?: number;
	column: HolderColumn;
	rates?: HolderRates;
	/** Drop the rate columns where a name would not fit whole with them, unless sorted by one. */
	fitNames?: boolean;
	/** The selected holder's id, and the first row shown. */
	selectedId?: number;
	top?: number;
};

export type HoldersLayout = {
	lines: StyledLine[];
	/** The holder on each line (undefined on the header, the total and blanks), for clicks. */
	rowIds: Array<number | undefined>;
	/** The rows in order, and how many lines they have. */
	order: HolderRow[];
	slots: number;
	top: number;
};

/**
The table: header, the rows that fit from `top` (sorted by `column`), and the total the rows add
up to: all live blocks and bytes, which are the heap's allocated bytes.
*/
export const layoutHolders = (document: SnapshotDocument, rows: readonly HolderRow[], options: HoldersOptions): HoldersLayout => {
	const {width} = options;
	const allocated = document.heap.allocatedBytes;
	const order = sortHolders(shownHolders(rows, options.rates), options.column, options.rates);
	const widths = widthsFor(width, order, allocated, options.fitNames ?? false, options.column);
	const slots = options.height === undefined ? order.length : Math.max(1, options.height - 2);
	const top = Math.max(0, Math.min(options.top ?? 0, order.length - slots));
	const shown = order.slice(top, top + slots);
	const blocks = rows.reduce((sum, row) => sum + row.liveBlocks, 0);
	const bytes = rows.reduce((sum, row) => sum + row.liveBytes, 0);
	const sum = (pick: 'kmallocPerSecond' | 'kfreePerSecond') => (options.rates ? [...options.rates.values()].reduce((total, rate) => total + rate[pick], 0) : undefined);
	const more = order.length > shown.length ? `${top + 1}–${top + shown.length} of ${order.length}` : `${order.length} ${order.length === 1 ? 'holder' : 'holders'}`;
	const totalName = `total, ${more}`;
	const total = fitLine(
		[
			segment(` ${padEnd(textWidth(totalName) < widths.name ? totalName : 'total', widths.name)}`, 'bold'),
			segment(`  ${padStart(formatCount(blocks), widths.blocks)}`, 'bold'),
			segment(`  ${padStart(formatCount(bytes), widths.bytes)}`, 'bold'),
			segment(`  ${padStart(formatPercent(allocated === 0 ? 0 : bytes / allocated), widths.share)}`, 'bold'),
			...(widths.rates
				? [segment(`  ${padStart(rateText(sum('kmallocPerSecond')), widths.rate)}`, 'dim'), segment(`  ${padStart(rateText(sum('kfreePerSecond')), 7)}`, 'dim')]
				: []),
		],
		width,
	);
	const body = shown.map((row) => holderLine(row, width, widths, allocated, options.rates, row.id === options.selectedId));
	const blank = options.height === undefined ? 0 : Math.max(0, slots - body.length);
	return {
		lines: [holderHeader(width, widths, options.column), ...body, ...Array.from({length: blank}, () => fitLine([], width)), total],
		rowIds: [undefined, ...shown.map((row) => row.id), ...Array.from({length: blank}, () => undefined), undefined],
		order,
		slots,
		top,
	};
};

/** `sorted by live bytes`: the title's words for the sort. */
export const sortWords = (column: HolderColumn): string => `sorted by ${columnWords[column]}`;
