// The live view's split screen (`c`): this boot's revision on the left, the next one on the
// right, row for row, so a figure that differs sits level with its counterpart and is marked
// (≠, in the warning colour). Each side panics on its own: its panic lines close its column.

import type {ComparisonFacts, ComparisonSide} from '../engine/live-comparison.js';
import {findRevision} from '../kernel/revisions.js';
import {CHUNK_SIZE} from '../kernel/constants.js';
import {apportionKilobytes, formatKernelAddress, formatSize} from './format-bytes.js';
import {formatCount, formatPercent} from './format-number.js';
import {escapeText} from './escape-text.js';
import {wrapText} from './wrap-text.js';
import {firstFitting, fitLine, lineWidth, padEnd, padStart, segment, textWidth, truncateText, type StyledLine} from './styled-line.js';

type Row = {label: string; values: [string, string]};

const LABEL = 20;
/** The narrowest a label gets (a space after it included) before a value is cut instead. */
const MIN_LABEL = 8;

/**
How wide a row's label is in a column `width` wide: 20 when both values fit beside it, else
narrower (to 8) so the figures keep their room. Both sides of a row use the same width, so they
stay level. Without this the cut fell on the right end of the line, taking the ≠ with it: at
80×24 a side is 38 wide, and `Kernel heap  1842K/7982K  23.1%` lost its mark and its percent.
*/
export const rowLabelWidth = (values: readonly [string, string], width: number): number =>
	Math.max(MIN_LABEL, Math.min(LABEL, width - 2 - Math.max(textWidth(values[0]), textWidth(values[1])) - 1));

const figureRows = (left: ComparisonSide, right: ComparisonSide): Row[] => {
	const both = (label: string, value: (side: ComparisonSide) => string): Row => ({label, values: [value(left), value(right)]});
	const memstat = (key: string) => (side: ComparisonSide) => (side.memstat[key] === undefined ? '—' : formatCount(side.memstat[key]));
	const used = (side: ComparisonSide) => {
		const allocated = side.memstat.kmalloc_allocated ?? 0;
		const total = allocated + (side.memstat.kmalloc_available ?? 0);
		return `${side.kernelHeap}  ${formatPercent(total > 0 ? allocated / total : 0)}`;
	};

	const list: Row[] = [
		both('tick', (side) => `${formatCount(side.tick)}${side.panic ? ' (halted)' : ''}`),
		both('Kernel heap', used),
		both('kmalloc calls', memstat('kmalloc_call_count')),
		both('kfree calls', memstat('kfree_call_count')),
		both('heap total', (side) => `${formatSize(side.heap.totalBytes)} in ${side.heap.subheapCount}`),
		both('free / largest run', (side) => `${formatSize(side.heap.freeBytes)} / ${formatSize(side.heap.largestFreeRunBytes)}`),
		both('backup', (side) => `${side.backup.state}${side.backup.base ? ` ${formatKernelAddress(side.backup.base)}` : ''}`),
		both('consumed / replaced', (side) => `${side.backup.consumed} / ${side.backup.replaced + side.backup.recycled}${side.backup.failedReplacements > 0 ? `, ${side.backup.failedReplacements} failed` : ''}`),
		both('physical pages', memstat('user_physical_allocated')),
	];
	return list;
};

/**
Subheaps level by id, so the one a revision added (or kept) and the other did not faces a dash.
Each one's size is its chunks', as the Subheaps panel gives it (describe-subheap-table.ts), so a
side's sizes add up to its heap total (the region a subheap sits on also holds its bitmap).
*/
const subheapRows = (left: ComparisonSide, right: ComparisonSide): Row[] => {
	const ids = [...new Set([...left.subheaps, ...right.subheaps].map((row) => row.id))].sort((a, b) => a - b);
	const sizes = new Map([left, right].map((side) => {
		const kilobytes = apportionKilobytes(side.subheaps.map((row) => row.totalChunks * CHUNK_SIZE));
		return [side, new Map(side.subheaps.map((row, index) => [row.id, kilobytes[index]!]))];
	}));
	return ids.map((id, index) => {
		const subheap = (side: ComparisonSide) => {
			const row = side.subheaps.find((candidate) => candidate.id === id);
			return row ? `#${row.id} ${row.origin} ${sizes.get(side)!.get(id)!}K ${formatPercent(row.totalChunks > 0 ? row.allocatedChunks / row.totalChunks : 0)}` : '—';
		};

		return {label: index === 0 ? 'subheaps' : '', values: [subheap(left), subheap(right)]};
	});
};

const title = (side: ComparisonSide): StyledLine => {
	const commit = findRevision(side.revision)?.commit;
	return [segment(side.revision, 'accent'), ...(commit ? [segment(` (${commit})`, 'dim')] : [])];
};

/**
The line over both columns: what is compared, and how far along (catching up, parted). Shorter
wordings for a narrow terminal, so the tick they parted at is never the part that is cut (at 60
columns the long one ended `parted first at tick 2,84…`).
*/
export const describeComparisonStatus = (comparison: ComparisonFacts, width: number): StyledLine => {
	const [left, right] = comparison.sides;
	const catching = `catching up ${comparison.target > 0 ? Math.floor((100 * Math.max(left.tick, right.tick)) / comparison.target) : 100}%`;
	const progress = (short: boolean) =>
		comparison.caughtUp
			? [segment(left.panic && right.panic ? 'both halted' : short ? 'in step' : 'in step with the present', 'dim')]
			: [segment(catching, 'warn')];
	const parted = (short: boolean) =>
		comparison.parted === null
			? [segment('not parted yet', 'good')]
			: [segment(short ? 'parted at ' : 'parted first at ', 'dim'), segment(`tick ${formatCount(comparison.parted)}`, 'warn')];
	const revisions = segment(` ${left.revision} beside ${right.revision}`, 'bold');
	const dot = segment('  ·  ', 'dim');
	const shortDot = segment(' · ', 'dim');
	return firstFitting(
		width,
		[revisions, dot, ...parted(false), dot, ...progress(false)],
		[revisions, shortDot, ...parted(true), shortDot, ...progress(true)],
		// The panels' titles name both revisions.
		[segment(' '), ...parted(true), shortDot, ...progress(true)],
	);
};

/** One figure's row: label, the value to the right, and ` ≠` (always kept) when the sides differ. */
export const rowLine = (row: Row, index: 0 | 1, width: number): StyledLine => {
	const differs = row.values[0] !== row.values[1];
	const label = rowLabelWidth(row.values, width);
	const room = Math.max(0, width - label - 2);
	return fitLine(
		[
			segment(padEnd(truncateText(row.label, label - 1), label), 'dim'),
			segment(padStart(truncateText(row.values[index], room), room), differs ? 'warn' : 'plain'),
			segment(differs ? ' ≠' : '  ', 'warn'),
		],
		width,
	);
};

/**
Both panics, line against line: each side's lines wrapped in its column, a line that differs
from its counterpart marked `≠`, the shorter side padded so the rows after stay level.
*/
const panicBlocks = (left: ComparisonSide, right: ComparisonSide, width: number): [StyledLine[], StyledLine[]] => {
	if (!left.panic && !right.panic) {
		return [[], []];
	}

	const head = (side: ComparisonSide): StyledLine =>
		side.panic
			? fitLine([segment(`panic at tick ${formatCount(side.panic.tick)} (${side.panic.kind})`, 'alarm')], width)
			: fitLine([segment(`no panic${side.tick > 0 ? ` by tick ${formatCount(side.tick)}` : ''}`, 'good')], width);
	const blocks: [StyledLine[], StyledLine[]] = [[[], head(left)], [[], head(right)]];
	const leftLines = left.panic?.lines ?? [];
	const rightLines = right.panic?.lines ?? [];
	const both = left.panic !== null && right.panic !== null;
	for (let index = 0; index < Math.max(leftLines.length, rightLines.length); index++) {
		const differs = both && leftLines[index] !== rightLines[index];
		const wrapped = [leftLines[index], rightLines[index]].map((line) =>
			line === undefined ? [] : wrapText(escapeText(line), width - 2).map((piece, row): StyledLine => [segment(row === 0 && differs ? '≠ ' : '  ', 'warn'), segment(piece, 'alarm')]),
		);
		const height = Math.max(wrapped[0]!.length, wrapped[1]!.length);
		for (const [side, lines] of wrapped.entries()) {
			blocks[side as 0 | 1].push(...lines, ...Array.from({length: height - lines.length}, (): StyledLine => []));
		}
	}

	return blocks;
};

/**
Each side's column (`width` wide, without a frame): title, figures, the panics, then the
subheaps, as many as `height` rows leave room for (the rest counted).
*/
export const describeComparisonColumns = (comparison: ComparisonFacts, width: number, height?: number): [StyledLine[], StyledLine[]] => {
	const [left, right] = comparison.sides;
	const figures = figureRows(left, right);
	const panics = panicBlocks(left, right, width);
	const subheaps = subheapRows(left, right);
	const room = height === undefined ? subheaps.length : Math.max(0, height - 2 - figures.length - panics[0].length - 1);
	const shown = subheaps.length <= room ? subheaps : subheaps.slice(0, Math.max(0, room - 1));
	const column = (index: 0 | 1): StyledLine[] => {
		const side = comparison.sides[index];
		const lines: StyledLine[] = [fitLine(title(side), width), []];
		lines.push(...figures.map((row) => rowLine(row, index, width)), ...panics[index]);
		if (shown.length > 0) {
			lines.push([], ...shown.map((row) => rowLine(row, index, width)));
		}

		if (shown.length < subheaps.length) {
			const hidden = subheaps.slice(shown.length);
			const count = hidden.filter((row) => row.values[index] !== '—').length;
			lines.push(fitLine([segment(padEnd(shown.length === 0 ? 'subheaps' : '', LABEL), 'dim'), segment(`… ${count} more`, 'dim')], width));
		}

		return lines;
	};

	return [column(0), column(1)];
};

/**
The two columns' titles for frames `widths` wide, each the longest form that fits its top border
(a frame's title has `width - 5` columns): the revision stays in sight where a longer form would
push it off (60 columns: `the previous  2020-12-31`, not `the one before (there is…`).
*/
export const describeComparisonTitles = (left: string, right: string, widths: readonly [number, number]): [StyledLine, StyledLine] => {
	const fitting = (width: number, variants: StyledLine[]) => variants.find((variant) => lineWidth(variant) <= width - 5) ?? variants.at(-1)!;
	const next = right > left ? ['the next'] : ['the one before (there is no next)', 'the one before (no next)', 'the one before', 'the previous'];
	const rightVariants: StyledLine[] = [
		[segment(next[0]!, 'bold'), segment(`  ${right}, same seed and workload`, 'dim')],
		...next.map((name) => [segment(name, 'bold'), segment(`  ${right}`, 'dim')]),
		[segment(next.at(-1)!, 'bold')],
	];
	return [fitting(widths[0], [[segment('this revision', 'bold'), segment(`  ${left}`, 'dim')], [segment('this revision', 'bold')]]), fitting(widths[1], rightVariants)];
};
