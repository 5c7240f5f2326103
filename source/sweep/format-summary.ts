// The summary of a sweep as a plain-text table: one line per workload × revision, numbers
// right-aligned, then what the columns mean. What `kmtop sweep` prints by default and
// `kmtop sweep merge` prints for the same rows.

import {formatSize} from '../cli/parse-size.js';
import {formatSeeds} from './expand-combinations.js';
import type {Spread, SummaryGroup, SweepSummary} from './summarize-rows.js';

const count = (value: number) => value.toLocaleString('en-US');
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
const spread = (value: Spread | null) => (value ? `${count(value.median)} / ${count(value.p95)}` : '—');
const mebibytes = (bytes: number | null) => (bytes === null ? '—' : `${(bytes / 2 ** 20).toFixed(1)} MiB`);

type Column = {title: string; right: boolean; cell: (group: SummaryGroup) => string};

const columns = (summary: SweepSummary): Column[] => {
	const done = (group: SummaryGroup) => group.runs - group.failed;
	const anyFailed = summary.groups.some((group) => group.failed > 0);
	const anyWorkloadErrors = summary.groups.some((group) => group.workloadErrors > 0);
	return [
		{title: 'WORKLOAD', right: false, cell: (group) => group.workload},
		{title: 'REVISION', right: false, cell: (group) => group.revision},
		...(summary.ramBytes.length > 1 ? [{title: 'RAM', right: true, cell: (group: SummaryGroup) => formatSize(group.ramBytes)}] : []),
		...(summary.ticks.length > 1 ? [{title: 'TICKS', right: true, cell: (group: SummaryGroup) => count(group.ticks)}] : []),
		{title: 'RUNS', right: true, cell: (group) => count(group.runs)},
		...(anyFailed ? [{title: 'FAILED', right: true, cell: (group: SummaryGroup) => count(group.failed)}] : []),
		{title: 'PANICS', right: true, cell: (group) => (done(group) === 0 ? '—' : `${count(group.panics)} (${percent(group.panics / done(group))})`)},
		{
			title: '95 % INTERVAL',
			right: true,
			cell: ({panicInterval}) => (panicInterval ? `${(panicInterval[0] * 100).toFixed(1)}–${percent(panicInterval[1])}` : '—'),
		},
		{title: 'EXPANDED', right: true, cell: (group) => count(group.expanded)},
		{title: 'FIRST EXPANSION', right: true, cell: (group) => spread(group.firstExpansion)},
		{title: 'PANIC TICK', right: true, cell: (group) => spread(group.panicTick)},
		{title: 'PEAK HEAP', right: true, cell: (group) => mebibytes(group.peakHeapMedian)},
		...(anyWorkloadErrors ? [{title: 'WORKLOAD ERRORS', right: true, cell: (group: SummaryGroup) => count(group.workloadErrors)}] : []),
	];
};

const notes = [
	'PANICS: runs that ended in a kernel panic, and their 95 % Wilson score interval.',
	'EXPANDED: runs whose heap grew; FIRST EXPANSION and PANIC TICK: median / p95 tick (nearest rank) of those runs.',
	"PEAK HEAP: median of each run's largest kmalloc heap (every subheap, not the backup).",
];

// What was swept, from the rows themselves (so a merge describes itself as the sweep did).
const describe = (summary: SweepSummary): string => {
	const runs = `${count(summary.runs)} ${summary.runs === 1 ? 'run' : 'runs'}`;
	const ticks = summary.ticks.map((ticks) => count(ticks)).join(', ');
	const ram = summary.ramBytes.map((bytes) => formatSize(bytes)).join(', ');
	return `${runs}; seeds ${formatSeeds(summary.seeds)}; ticks ${ticks}; RAM ${ram}`;
};

/** The summary table and its notes, without a trailing newline. */
export const formatSummary = (summary: SweepSummary): string => {
	if (summary.runs === 0) {
		return 'no runs';
	}

	const table = columns(summary);
	const cells = [table.map((column) => column.title), ...summary.groups.map((group) => table.map((column) => column.cell(group)))];
	const widths = table.map((_, index) => Math.max(...cells.map((row) => row[index]!.length)));
	const lines = cells.map((row) =>
		row
			.map((cell, index) => (table[index]!.right ? cell.padStart(widths[index]!) : cell.padEnd(widths[index]!)))
			.join('  ')
			.trimEnd(),
	);
	return [describe(summary), '', ...lines, '', ...notes].join('\n');
};
