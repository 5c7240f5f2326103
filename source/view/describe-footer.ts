// The footer: the workload list with the keys that select them (the running one in brackets,
// same width as without, so nothing moves), the main keys, and a status line (a saved file, a
// failed workload). At narrow widths the names get shorter, then give way to bare keys, and keys
// drop out, least used first; `? help` and `q quit` always stay.

import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {withCounts} from './describe-lifecycle.js';
import {formatKilobytes} from './format-bytes.js';
import {NUMBERED_WORKLOADS, workloadKey} from './live-keys.js';
import {currentWorkloadFailure} from './select-events.js';
import {fitLine, joinSegments, lineWidth, segment, type StyledLine} from './styled-line.js';
import type {ViewFacts} from './view-facts.js';

type Hint = {key: string; action: string; keep?: boolean; dropOrder: number};

const hints = (document: SnapshotDocument, facts: ViewFacts): Hint[] => {
	if (document.panic) {
		return [
			{key: 'r', action: 'reboot', keep: true, dropOrder: 9},
			{key: 'v/V', action: 'revision', dropOrder: 3},
			{key: '0-9 w/W', action: 'workload', dropOrder: 1},
			{key: 's', action: 'save', dropOrder: 2},
			{key: '?', action: 'help', keep: true, dropOrder: 9},
			{key: 'q', action: 'quit', keep: true, dropOrder: 9},
		];
	}

	return [
		{key: 'space', action: facts.paused ? 'resume' : 'pause', dropOrder: 7},
		{key: '.', action: 'step', dropOrder: 1},
		{key: '+/-', action: 'speed', dropOrder: 2},
		{key: 'f', action: facts.frozen ? 'unfreeze' : 'freeze', dropOrder: 6},
		{key: 'v/V', action: 'revision', dropOrder: 4},
		{key: 'r', action: 'reboot', dropOrder: 3},
		{key: 's', action: 'save', dropOrder: 5},
		{key: '?', action: 'help', keep: true, dropOrder: 9},
		{key: 'q', action: 'quit', keep: true, dropOrder: 9},
	];
};

const hintLine = (shown: Hint[]): StyledLine =>
	joinSegments(shown.map((hint) => [segment(hint.key, 'bold'), segment(` ${hint.action}`, 'dim')]));

/** The keys that fit in `width`, dropping the least used first. */
export const keyHints = (document: SnapshotDocument, facts: ViewFacts, width: number): StyledLine => {
	let shown = hints(document, facts);
	const dropping = [...shown].filter((hint) => !hint.keep).sort((a, b) => a.dropOrder - b.dropOrder);
	while (lineWidth(hintLine(shown)) > width && dropping.length > 0) {
		const drop = dropping.shift()!;
		shown = shown.filter((hint) => hint !== drop);
	}

	return hintLine(shown);
};

/** The shell's status, else the running workload's failure; and whether it is bad news. */
export const statusText = (document: SnapshotDocument, facts: ViewFacts): {text: string; bad: boolean} | undefined => {
	if (facts.status) {
		return {text: facts.status, bad: /^(could not|cannot|failed)/.test(facts.status)};
	}

	const failure = currentWorkloadFailure(document);
	return failure ? {text: withCounts(failure.message), bad: true} : undefined;
};

/** `1-9`, or `0-9` when the tenth workload has the key 0. */
const keyRange = (count: number): string => (count >= NUMBERED_WORKLOADS ? '0-9' : `1-${count}`);

/** The shortest a cut workload name gets: five letters and `…`. */
const MIN_NAME = 6;

/** A name cut to `cap` columns, `…` saying so; `cap` 0 leaves the key alone. */
const shortName = (name: string, cap: number): string => (cap <= 0 ? '' : name.length <= cap ? name : `${name.slice(0, cap - 1)}…`);

/**
` 1 steady [2 vmobject-churn] 3 logging-burst …`: every workload the number keys reach (1…9, then
0), each name as long as the width allows (all cut to the same length before any is left out), and
the running one always whole. Workloads beyond the tenth are counted (w / W reach them).
*/
export const workloadList = (document: SnapshotDocument, facts: ViewFacts, width: number): StyledLine => {
	const names = facts.workloads ?? [document.run.workload];
	const current = names.indexOf(document.run.workload);
	const numbered = names.slice(0, NUMBERED_WORKLOADS);
	const item = (name: string, index: number, cap: number): StyledLine => {
		const key = workloadKey(index)!;
		const short = shortName(name, cap);
		if (index === current) {
			return [segment(`[${key} ${name}]`, 'selected')];
		}

		return [segment(` ${key}${short === '' ? '' : ` ${short}`} `)];
	};

	// The running workload beyond the tenth still shows, by name, after the numbered ones.
	const runningBeyond = current >= NUMBERED_WORKLOADS;
	const beyond = names.length - numbered.length - (runningBeyond ? 1 : 0);
	const extra: StyledLine = [
		...(runningBeyond ? [segment(' '), segment(`[${document.run.workload}]`, 'selected')] : []),
		...(beyond > 0 ? [segment(` +${beyond} more`, 'dim')] : []),
	];
	const keys = [segment('  '), segment('w/W', 'bold'), segment(' next/previous', 'dim')];
	const longest = Math.max(0, ...numbered.map((name) => name.length));
	// Whole names with the w / W hint, then without it, then shorter and shorter names (five
	// letters at least, fewer say nothing); bare keys last.
	const tries: Array<[cap: number, hint: boolean]> = [
		[longest, true],
		...Array.from({length: Math.max(0, longest - MIN_NAME + 1)}, (_, step): [number, boolean] => [longest - step, false]),
		[0, true],
		[0, false],
	];
	for (const [cap, hint] of tries) {
		const line = [segment(' '), ...numbered.flatMap((name, index) => item(name, index, cap)), ...extra, ...(hint ? keys : [])];
		if (lineWidth(line) <= width) {
			return fitLine(line, width);
		}
	}

	const name = current >= 0 && workloadKey(current) ? `${workloadKey(current)!} ${document.run.workload}` : document.run.workload;
	return fitLine([segment(' '), segment(`[${name}]`, 'selected'), segment(`  ${keyRange(numbered.length)}`, 'bold'), segment(' w/W', 'bold')], width);
};

/** Keys on the left, the status on the right (the keys make room for it). */
export const keysAndStatus = (document: SnapshotDocument, facts: ViewFacts, width: number): StyledLine => {
	const status = statusText(document, facts);
	const statusLine: StyledLine = status ? [segment(status.text, status.bad ? 'bad' : 'good'), segment(' ')] : [];
	const statusWidth = Math.min(lineWidth(statusLine), Math.max(0, width - 24));
	const keys = keyHints(document, facts, Math.max(0, width - statusWidth - 3));
	const left = [segment(' '), ...keys];
	const gap = width - lineWidth(left) - statusWidth;
	return fitLine([...left, segment(' '.repeat(Math.max(1, gap))), ...fitLine(statusLine, statusWidth)], width);
};

/** Two lines (workloads; keys and status) or, when space is short, one (status or keys). */
export const describeFooter = (document: SnapshotDocument, facts: ViewFacts, width: number, lines: 1 | 2): StyledLine[] => {
	if (!facts.live) {
		// A text snapshot has no keys: say what the document is instead.
		const status = statusText(document, facts);
		return [
			fitLine(
				[
					segment(` ${document.schema}  kmtop ${document.kmtop.version}  RAM ${formatKilobytes(document.run.ramBytes)}`, 'dim'),
					...(status ? [segment('  '), segment(status.text, status.bad ? 'bad' : 'good')] : []),
				],
				width,
			),
		];
	}

	if (lines === 2) {
		return [workloadList(document, facts, width), keysAndStatus(document, facts, width)];
	}

	const status = statusText(document, facts);
	if (status) {
		return [fitLine([segment(' '), segment(status.text, status.bad ? 'bad' : 'good')], width)];
	}

	const names = facts.workloads ?? [];
	const current = names.indexOf(document.run.workload);
	const key = workloadKey(current);
	const prefix: StyledLine =
		current >= 0
			? [
					segment(' '),
					segment(`[${key ? `${key} ` : ''}${document.run.workload}]`, 'selected'),
					segment(`  ${keyRange(Math.min(NUMBERED_WORKLOADS, names.length))}`, 'bold'),
					segment(' w/W', 'bold'),
					segment('  '),
				]
			: [segment(' ')];
	return [fitLine([...prefix, ...keyHints(document, facts, width - lineWidth(prefix))], width)];
};
