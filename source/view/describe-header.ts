// The header line: what runs (revision and its commit, workload, seed), how fast, where it is
// (the tick, last, so its growth moves nothing), and the state badges flush right.

import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {findRevision} from '../kernel/revisions.js';
import {formatCount, formatTickRate} from './format-number.js';
import {fitLine, joinSegments, lineWidth, padStart, segment, type StyledLine} from './styled-line.js';
import type {ViewFacts} from './view-facts.js';

type Detail = {commit: boolean; workloadWord: boolean; seed: boolean; help: boolean; achieved: boolean; liveTick: boolean; rate?: false};

// From the most to the least said; the first that fits is drawn.
const details: Detail[] = [
	{commit: true, workloadWord: true, seed: true, help: true, achieved: true, liveTick: true},
	{commit: true, workloadWord: true, seed: true, help: false, achieved: true, liveTick: true},
	{commit: true, workloadWord: false, seed: true, help: false, achieved: true, liveTick: true},
	{commit: true, workloadWord: false, seed: false, help: false, achieved: true, liveTick: true},
	{commit: false, workloadWord: false, seed: false, help: false, achieved: true, liveTick: true},
	{commit: false, workloadWord: false, seed: false, help: false, achieved: false, liveTick: false},
	{commit: false, workloadWord: false, seed: false, help: false, achieved: false, liveTick: false, rate: false},
];

const badges = (document: SnapshotDocument, facts: ViewFacts, detail: Detail): StyledLine[] => {
	const shown: StyledLine[] = [];
	if (facts.frozen) {
		const live = detail.liveTick && facts.liveTick !== undefined && facts.liveTick !== document.run.tick;
		shown.push([segment('≋ FROZEN', 'flash'), ...(live ? [segment(` live t${formatCount(facts.liveTick!)}`, 'dim')] : [])]);
	}

	if (facts.engine?.kind === 'recovering') {
		const {tick, reached} = facts.engine;
		shown.push([segment(`↻ RECOVERING ${tick > 0 ? Math.floor((100 * Math.min(reached, tick)) / tick) : 100}%`, 'warn')]);
	} else if (facts.engine?.kind === 'failed') {
		shown.push([segment('✕ ENGINE FAILED', 'alarm')]);
	} else if (document.panic) {
		shown.push([segment('× HALTED', 'alarm')]);
	} else if (facts.live) {
		shown.push(facts.paused ? [segment('‖ PAUSED', 'warn')] : [segment('▸ RUNNING', 'good')]);
	}

	if (facts.live && detail.help) {
		shown.push([segment('? help', 'dim')]);
	}

	return shown;
};

const leftItems = (document: SnapshotDocument, facts: ViewFacts, detail: Detail): StyledLine[] => {
	const {run} = document;
	const revision = findRevision(run.revision);
	const number = facts.workloads?.indexOf(run.workload) ?? -1;
	const workload = number >= 0 ? `${number + 1} ${run.workload}` : run.workload;
	const items: StyledLine[] = [
		[segment('kmtop', 'bold')],
		[segment('rev ', 'dim'), segment(run.revision, 'accent'), ...(detail.commit && revision ? [segment(` (${revision.commit})`, 'dim')] : [])],
		detail.workloadWord ? [segment('workload ', 'dim'), segment(workload, 'accent')] : [segment(workload, 'accent')],
	];
	if (detail.seed) {
		items.push([segment('seed ', 'dim'), segment(String(run.seed))]);
	}

	if (facts.rate !== undefined && detail.rate !== false) {
		const rate = formatTickRate(facts.rate);
		// The achieved figure is padded to the set one, so its wobble moves nothing.
		const text = detail.achieved && facts.live ? `${padStart(formatTickRate(facts.achievedRate ?? 0), rate.length)}/${rate} t/s` : `${rate} t/s`;
		items.push([segment(text)]);
	}

	items.push([segment('tick ', 'dim'), segment(formatCount(run.tick), 'bold')]);
	return items;
};

export const describeHeader = (document: SnapshotDocument, facts: ViewFacts, width: number): StyledLine => {
	for (const detail of details) {
		const left = [segment(' '), ...joinSegments(leftItems(document, facts, detail))];
		const right = [...joinSegments(badges(document, facts, detail)), segment(' ')];
		const gap = width - lineWidth(left) - lineWidth(right);
		if (gap >= 2) {
			return [...left, segment(' '.repeat(gap)), ...right];
		}
	}

	// Narrower still: the badges stay whole, the rest is cut.
	const least = details.at(-1)!;
	const badgeLine = [...joinSegments(badges(document, facts, least)), segment(' ')];
	const right = fitLine(badgeLine, Math.min(lineWidth(badgeLine), 20, width));
	const left = fitLine([segment(' '), ...joinSegments(leftItems(document, facts, least))], Math.max(0, width - lineWidth(right) - 1));
	return fitLine([...left, segment(' '), ...right], width);
};
