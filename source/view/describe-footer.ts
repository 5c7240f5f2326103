// The footer: the workload list with the numbers that select them (the running one in brackets,
// same width as without, so nothing moves), the main keys, and a status line (a saved file, a
// failed workload). At narrow widths the names give way to bare numbers from the right and keys
// drop out, least used first; `? help` and `q quit` always stay.

import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {formatMebibytes} from './format-bytes.js';
import {currentWorkloadFailure} from './select-events.js';
import {fitLine, joinSegments, lineWidth, segment, type StyledLine} from './styled-line.js';
import type {ViewFacts} from './view-facts.js';

type Hint = {key: string; action: string; keep?: boolean; dropOrder: number};

const hints = (document: SnapshotDocument, facts: ViewFacts): Hint[] => {
	if (document.panic) {
		return [
			{key: 'r', action: 'reboot', keep: true, dropOrder: 9},
			{key: 'v/V', action: 'revision', dropOrder: 3},
			{key: '1-9 w/W', action: 'workload', dropOrder: 1},
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
	return failure ? {text: failure.message, bad: true} : undefined;
};

/** Workloads the number keys reach (1…9); any further ones only through w / W. */
const NUMBERED = 9;

/**
` 1 steady [2 vmobject-churn] 3 logging-burst  4  5 …`: names from the first on for as many as
fit, bare numbers for the rest; the running workload always has its name.
*/
export const workloadList = (document: SnapshotDocument, facts: ViewFacts, width: number): StyledLine => {
	const names = facts.workloads ?? [document.run.workload];
	const current = names.indexOf(document.run.workload);
	const item = (name: string, index: number, withName: boolean): StyledLine => {
		const label = withName || index === current ? `${index + 1} ${name}` : `${index + 1}`;
		return index === current ? [segment(`[${label}]`, 'selected')] : [segment(` ${label} `)];
	};

	const numbered = names.slice(0, NUMBERED);
	// The running workload beyond the ninth still shows, by name, after the numbered ones.
	const runningBeyond = current >= NUMBERED;
	const beyond = names.length - numbered.length - (runningBeyond ? 1 : 0);
	const extra: StyledLine = [
		...(runningBeyond ? [segment(' '), segment(`[${document.run.workload}]`, 'selected')] : []),
		...(beyond > 0 ? [segment(` +${beyond} more`, 'dim')] : []),
	];
	const keys = [segment('  '), segment('w/W', 'bold'), segment(' next/previous', 'dim')];
	// A run of names from the left reads as a list; the numbers after it say where the rest are.
	for (let named = numbered.length; named >= 0; named--) {
		const list = numbered.map((name, index) => item(name, index, index < named));
		const line = [segment(' '), ...list.flat(), ...extra, ...keys];
		if (lineWidth(line) <= width) {
			return fitLine(line, width);
		}
	}

	const name = current >= 0 ? `${current + 1} ${document.run.workload}` : document.run.workload;
	return fitLine([segment(' '), segment(`[${name}]`, 'selected'), segment(`  1-${numbered.length}`, 'bold'), segment(' w/W', 'bold')], width);
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
					segment(` ${document.schema}  kmtop ${document.kmtop.version}  RAM ${formatMebibytes(document.run.ramBytes)}`, 'dim'),
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
	const prefix: StyledLine =
		current >= 0
			? [segment(' '), segment(`[${current + 1} ${document.run.workload}]`, 'selected'), segment(`  1-${Math.min(NUMBERED, names.length)}`, 'bold'), segment(' w/W', 'bold'), segment('  ')]
			: [segment(' ')];
	return [fitLine([...prefix, ...keyHints(document, facts, width - lineWidth(prefix))], width)];
};
