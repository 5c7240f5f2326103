// The header line: what runs (revision and its commit, workload, seed), how fast, where it is
// (the tick, last, so its growth moves nothing), and the state badges flush right. The tick and
// the badges (RUNNING, PAUSED, FROZEN, HALTED) are never cut: everything else gives way first,
// whole, the least telling first.

import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {findRevision} from '../kernel/revisions.js';
import {formatCount, formatTickRate} from './format-number.js';
import {workloadKey} from './live-keys.js';
import {describeReplayBadge, describeTimeBadge} from './describe-time-badge.js';
import {fitLine, joinSegments, lineWidth, padStart, segment, type StyledLine} from './styled-line.js';
import type {ViewFacts} from './view-facts.js';

type Detail = {
	help: boolean;
	workloadWord: boolean;
	seed: boolean;
	commit: boolean;
	name: boolean;
	achieved: boolean;
	liveTick: boolean;
	rate: boolean;
	workload: boolean;
	revisionWord: boolean;
	revision: boolean;
};

const everything: Detail = {
	help: true,
	workloadWord: true,
	seed: true,
	commit: true,
	name: true,
	achieved: true,
	liveTick: true,
	rate: true,
	workload: true,
	revisionWord: true,
	revision: true,
};

// What goes, in this order, until the line fits. The workload stays longer than the rate at a
// glance, but the footer names it too; the revision is said nowhere else, so it goes last.
const dropOrder: Array<keyof Detail> = ['help', 'workloadWord', 'seed', 'commit', 'name', 'achieved', 'liveTick', 'rate', 'workload', 'revisionWord', 'revision'];

const details: Detail[] = dropOrder.reduce<Detail[]>((list, key) => [...list, {...list.at(-1)!, [key]: false}], [everything]);

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
	} else if (describeTimeBadge(facts)) {
		// In the past: where, against the present (describe-time-badge.ts).
		shown.push(describeTimeBadge(facts)!);
	} else if (document.panic) {
		shown.push([segment('× HALTED', 'alarm')]);
	} else if (facts.live) {
		shown.push(facts.paused ? [segment('‖ PAUSED', 'warn')] : [segment('▸ RUNNING', 'good')]);
	}

	const replay = describeReplayBadge(facts);
	if (replay) {
		shown.push(replay);
	}

	if (facts.live && detail.help) {
		shown.push([segment('? help', 'dim')]);
	}

	return shown;
};

/** The optional items, left to right. */
const leftItems = (document: SnapshotDocument, facts: ViewFacts, detail: Detail): StyledLine[] => {
	const {run} = document;
	const revision = findRevision(run.revision);
	const key = workloadKey(facts.workloads?.indexOf(run.workload) ?? -1);
	const workload = key ? `${key} ${run.workload}` : run.workload;
	const items: StyledLine[] = [];
	if (detail.name) {
		items.push([segment('kmtop', 'bold')]);
	}

	if (detail.revision) {
		items.push([
			...(detail.revisionWord ? [segment('rev ', 'dim')] : []),
			segment(run.revision, 'accent'),
			...(detail.commit && revision ? [segment(` (${revision.commit})`, 'dim')] : []),
		]);
	}

	if (detail.workload) {
		items.push(detail.workloadWord ? [segment('workload ', 'dim'), segment(workload, 'accent')] : [segment(workload, 'accent')]);
	}

	if (detail.seed) {
		items.push([segment('seed ', 'dim'), segment(String(run.seed))]);
	}

	if (facts.rate !== undefined && detail.rate) {
		const rate = formatTickRate(facts.rate);
		// The achieved figure is padded to the set one, so its wobble moves nothing.
		const text = detail.achieved && facts.live ? `${padStart(formatTickRate(facts.achievedRate ?? 0), rate.length)}/${rate} t/s` : `${rate} t/s`;
		items.push([segment(text)]);
	}

	return items;
};

const tickItem = (document: SnapshotDocument): StyledLine => [segment('tick ', 'dim'), segment(formatCount(document.run.tick), 'bold')];

export const describeHeader = (document: SnapshotDocument, facts: ViewFacts, width: number): StyledLine => {
	for (const detail of details) {
		const left = [segment(' '), ...joinSegments([...leftItems(document, facts, detail), tickItem(document)])];
		const right = [...joinSegments(badges(document, facts, detail)), segment(' ')];
		const gap = width - lineWidth(left) - lineWidth(right);
		if (gap >= 2) {
			return [...left, segment(' '.repeat(gap)), ...right];
		}
	}

	// Narrower still: the tick and the badges stay whole as long as they fit at all.
	const least = details.at(-1)!;
	const right = [...joinSegments(badges(document, facts, least)), segment(' ')];
	const tick = [segment(' '), ...tickItem(document)];
	const gap = width - lineWidth(tick) - lineWidth(right);
	return gap >= 1 ? [...tick, segment(' '.repeat(gap)), ...right] : fitLine([...tick, segment(' '), ...right], width);
};
