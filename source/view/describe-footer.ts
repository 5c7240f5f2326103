// The footer: the workload list with the keys that select them (the running one in brackets,
// same width as without, so nothing moves), the main keys, and a status line (a saved file, a
// failed workload). At narrow widths the names get shorter, then give way to bare keys, and keys
// drop out, least used first; `? help` and `q quit` always stay.

import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {withCounts} from './describe-lifecycle.js';
import {formatKilobytes} from './format-bytes.js';
import {NUMBERED_WORKLOADS, workloadKey} from './live-keys.js';
import {keyRange, workloadListOf} from './describe-workload-list.js';
import {currentWorkloadFailure} from './select-events.js';
import {isInPast} from './describe-time-badge.js';
import {fitLine, joinSegments, lineWidth, segment, textWidth, type StyledLine} from './styled-line.js';
import type {ViewFacts} from './view-facts.js';

type Hint = {key: string; action: string; keep?: boolean; dropOrder: number};

/** The live view's exploring, as the footer says it: a line being typed, or the focused panel's keys. */
export type FooterExplore = {
	/** `/Adding` being typed for a search, `kmalloc(4096` for "will it fit", with what Enter does. */
	prompt?: {text: string; enter: string};
	/** The keys of what has the focus (a panel, the map, the holders), shown before the others. */
	keys?: Array<[key: string, action: string]>;
	/** With nothing focused, the keys that start exploring: after the others, the first to give way. */
	idleKeys?: Array<[key: string, action: string]>;
};

/**
Everything the footer reads of the document and the facts, and nothing else: the footer is a
function of this (with the width and the exploring), so the live view draws it again only when
this changes (it rarely does; the document changes every refresh).
*/
export type FooterInput = {
	live: boolean;
	status?: string;
	paused: boolean;
	frozen: boolean;
	/** The view shows the past: keys that change the simulation wait for the present (space). */
	past: boolean;
	/** The workloads the keys reach, when the facts say. */
	workloads?: readonly string[];
	workload: string;
	panic: boolean;
	/** The running workload's failure since it started, in kmtop's number style. */
	failure?: string;
	/** A text snapshot's line: what the document is. */
	schema: string;
	version: string;
	ramBytes: number;
};

export const footerInput = (document: SnapshotDocument, facts: ViewFacts): FooterInput => {
	const failure = currentWorkloadFailure(document);
	return {
		live: facts.live === true,
		...(facts.status === undefined ? {} : {status: facts.status}),
		paused: facts.paused === true,
		frozen: facts.frozen === true,
		past: isInPast(facts),
		...(facts.workloads === undefined ? {} : {workloads: facts.workloads}),
		workload: document.run.workload,
		panic: document.panic !== null && document.panic !== undefined,
		...(failure ? {failure: withCounts(failure.message)} : {}),
		schema: document.schema,
		version: document.kmtop.version,
		ramBytes: document.run.ramBytes,
	};
};

/** Whether two footer inputs draw the same footer. */
export const sameFooterInput = (a: FooterInput, b: FooterInput): boolean =>
	a.live === b.live
	&& a.status === b.status
	&& a.paused === b.paused
	&& a.frozen === b.frozen
	&& a.past === b.past
	&& a.workloads?.length === b.workloads?.length
	&& (a.workloads ?? []).every((name, index) => name === b.workloads![index])
	&& a.workload === b.workload
	&& a.panic === b.panic
	&& a.failure === b.failure
	&& a.schema === b.schema
	&& a.version === b.version
	&& a.ramBytes === b.ramBytes;

/**
The panic screen's keys. Its body lists r, v / V, the workloads, s and q itself; what it does not
list (looking around: back in time, and the map and holders, explore-hints.ts) drops after those.
Frozen, `f` is the way out: it stays longest.
*/
const panicHints = (input: FooterInput): Hint[] => [
	{key: 'r', action: 'reboot', keep: true, dropOrder: 9},
	{key: 'v/V', action: 'revision', dropOrder: 3},
	{key: '0-9 w/W', action: 'workload', dropOrder: 1},
	{key: 's', action: 'save', dropOrder: 2},
	...(input.frozen ? [{key: 'f', action: 'unfreeze', dropOrder: 7}] : []),
	{key: '←/→', action: 'travel', dropOrder: 4},
	{key: '?', action: 'help', keep: true, dropOrder: 9},
	{key: 'q', action: 'quit', keep: true, dropOrder: 9},
];

/** Where the idle keys (explore-hints.ts) drop: first on the dashboard; on the panic screen after the keys its body lists. */
const idleDropOrder = (input: FooterInput): number => (input.panic ? 5 : 0.5);

const hints = (input: FooterInput): Hint[] => {
	if (input.panic) {
		return panicHints(input);
	}

	// In the past space goes back to the present, and a reboot or a revision waits for it (live-engine.ts).
	return [
		{key: 'space', action: input.past ? 'present' : input.paused ? 'resume' : 'pause', dropOrder: 7},
		...(input.past ? [{key: '←/→', action: 'travel', dropOrder: 6.5}] : []),
		{key: '.', action: 'step', dropOrder: 1},
		{key: '+/-', action: 'speed', dropOrder: 2},
		{key: 'f', action: input.frozen ? 'unfreeze' : 'freeze', dropOrder: 6},
		...(input.past
			? []
			: [
					{key: 'v/V', action: 'revision', dropOrder: 4},
					{key: 'r', action: 'reboot', dropOrder: 3},
				]),
		{key: 's', action: 'save', dropOrder: 5},
		{key: '?', action: 'help', keep: true, dropOrder: 9},
		{key: 'q', action: 'quit', keep: true, dropOrder: 9},
	];
};

const hintLine = (shown: Hint[]): StyledLine =>
	joinSegments(shown.map((hint) => [segment(hint.key, 'bold'), segment(` ${hint.action}`, 'dim')]));

/** The keys that fit in `width`, dropping the least used first (the focused panel's last, before ? and q). */
const keyHints = (input: FooterInput, width: number, explore: FooterExplore = {}): StyledLine => {
	const focused = (explore.keys ?? []).map(([key, action], index): Hint => ({key, action, dropOrder: 8 + index / 100}));
	const idle = (explore.idleKeys ?? []).map(([key, action], index): Hint => ({key, action, dropOrder: idleDropOrder(input) - index / 100}));
	const main = hints(input);
	// The idle keys go before `? help` and `q quit`, which end the line.
	const ending = main.filter((hint) => hint.keep && (hint.key === '?' || hint.key === 'q'));
	let shown = [...focused, ...main.filter((hint) => !ending.includes(hint)), ...idle, ...ending];
	const dropping = [...shown].filter((hint) => !hint.keep).sort((a, b) => a.dropOrder - b.dropOrder);
	while (lineWidth(hintLine(shown)) > width && dropping.length > 0) {
		const drop = dropping.shift()!;
		shown = shown.filter((hint) => hint !== drop);
	}

	return hintLine(shown);
};

/** The shell's status, else the running workload's failure; and whether it is bad news. */
const statusText = (input: FooterInput): {text: string; bad: boolean} | undefined => {
	if (input.status) {
		return {text: input.status, bad: /^(could not|cannot|failed)/.test(input.status)};
	}

	return input.failure === undefined ? undefined : {text: input.failure, bad: true};
};

/**
` 1 steady [2 vmobject-churn] 3 logging-burst …`: every workload the number keys reach (1…9, then
0), each name as long as the width allows (all cut to the same length before any is left out), and
the running one always whole. Workloads beyond the tenth are counted (w / W reach them).
*/
export const workloadList = (document: SnapshotDocument, facts: ViewFacts, width: number): StyledLine => workloadListOf(footerInput(document, facts), width);

/** The line being typed, a cursor after it, and what Enter and Esc do. */
const promptLine = (prompt: NonNullable<FooterExplore['prompt']>, width: number): StyledLine => {
	const keys = [segment(`  Enter ${prompt.enter} · Esc cancel`, 'dim')];
	// A long line shows its end, where the typing is.
	const room = width - lineWidth(keys) - 2;
	const text = textWidth(prompt.text) <= room ? prompt.text : `…${[...prompt.text].slice(-Math.max(1, room - 1)).join('')}`;
	return fitLine([segment(' '), segment(text, 'bold'), segment('▏', 'accent'), ...keys], width);
};

/** Keys on the left, the status on the right (the keys make room for it). */
const keysAndStatus = (input: FooterInput, width: number, explore: FooterExplore = {}): StyledLine => {
	if (explore.prompt) {
		return promptLine(explore.prompt, width);
	}

	const status = statusText(input);
	const statusLine: StyledLine = status ? [segment(status.text, status.bad ? 'bad' : 'good'), segment(' ')] : [];
	const statusWidth = Math.min(lineWidth(statusLine), Math.max(0, width - 24));
	const keys = keyHints(input, Math.max(0, width - statusWidth - 3), explore);
	const left = [segment(' '), ...keys];
	const gap = width - lineWidth(left) - statusWidth;
	return fitLine([...left, segment(' '.repeat(Math.max(1, gap))), ...fitLine(statusLine, statusWidth)], width);
};

/** Two lines (workloads; keys and status) or, when space is short, one (status or keys). */
export const describeFooter = (document: SnapshotDocument, facts: ViewFacts, width: number, lines: 1 | 2, explore: FooterExplore = {}): StyledLine[] =>
	describeFooterOf(footerInput(document, facts), width, lines, explore);

/** describeFooter from what it reads (footerInput). */
export const describeFooterOf = (input: FooterInput, width: number, lines: 1 | 2, explore: FooterExplore = {}): StyledLine[] => {
	if (!input.live) {
		// A text snapshot has no keys: say what the document is instead.
		const status = statusText(input);
		return [
			fitLine(
				[
					segment(` ${input.schema}  kmtop ${input.version}  RAM ${formatKilobytes(input.ramBytes)}`, 'dim'),
					...(status ? [segment('  '), segment(status.text, status.bad ? 'bad' : 'good')] : []),
				],
				width,
			),
		];
	}

	if (lines === 2) {
		return [workloadListOf(input, width), keysAndStatus(input, width, explore)];
	}

	if (explore.prompt) {
		return [promptLine(explore.prompt, width)];
	}

	const status = statusText(input);
	if (status) {
		return [fitLine([segment(' '), segment(status.text, status.bad ? 'bad' : 'good')], width)];
	}

	const names = input.workloads ?? [];
	const current = names.indexOf(input.workload);
	const key = workloadKey(current);
	// In the past the workload keys wait for the present: its keys (travel) take the whole line.
	const prefix: StyledLine =
		current >= 0 && !input.past
			? [
					segment(' '),
					segment(`[${key ? `${key} ` : ''}${input.workload}]`, 'selected'),
					segment(`  ${keyRange(Math.min(NUMBERED_WORKLOADS, names.length))}`, 'bold'),
					segment(' w/W', 'bold'),
					segment('  '),
				]
			: [segment(' ')];
	// The focused panel's keys take the line's room before the workload does.
	if (explore.keys && explore.keys.length > 0) {
		return [fitLine([segment(' '), ...keyHints(input, width - 1, explore)], width)];
	}

	return [fitLine([...prefix, ...keyHints(input, width - lineWidth(prefix), explore)], width)];
};
