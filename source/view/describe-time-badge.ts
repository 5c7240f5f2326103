// The header's time-travel badge: `◀ t12,345 (of 20,000)` while the view shows the past (the
// present's tick in brackets), `◀ t12,345 → t500,000` while a long travel runs, and the boot when
// the past shown is of an earlier one; `▸ RUNNING → t500,000 Esc stops` while the present runs on
// to a tick ahead (`g`). A replay still following its recording says so too.

import type {TimePoint} from '../engine/engine-protocol.js';
import {formatCount} from './format-number.js';
import {segment, type StyledLine} from './styled-line.js';
import type {ViewFacts} from './view-facts.js';

const sameBoot = (a: TimePoint, b: TimePoint): boolean => a.boot === b.boot;

const tickOf = (point: TimePoint, boot: boolean): string => `${boot ? `boot ${point.boot} ` : ''}t${formatCount(point.tick)}`;

/** Whether the view shows the past (or is on its way there). */
export const isInPast = (facts: ViewFacts): boolean => {
	const time = facts.time;
	return time !== undefined && (time.travelling !== undefined || time.shown.boot !== time.present.boot || time.shown.tick !== time.present.tick);
};

/** The badge, or undefined at the present (unless it runs on to a tick ahead). */
export const describeTimeBadge = (facts: ViewFacts): StyledLine | undefined => {
	const time = facts.time;
	if (time?.runningTo && !isInPast(facts)) {
		return [segment('▸ RUNNING', 'good'), segment(` → t${formatCount(time.runningTo.tick)}`, 'warn'), segment(' Esc stops', 'dim')];
	}

	if (!time || !isInPast(facts)) {
		return undefined;
	}

	if (time.travelling) {
		const {reached, target} = time.travelling;
		const boots = !sameBoot(reached, target) || !sameBoot(target, time.present);
		return [segment(`◀ ${tickOf(reached, boots)} → ${tickOf(target, boots)}`, 'warn')];
	}

	if (sameBoot(time.shown, time.present)) {
		return [segment(`◀ t${formatCount(time.shown.tick)}`, 'warn'), segment(` (of ${formatCount(time.present.tick)})`, 'dim')];
	}

	return [segment(`◀ ${tickOf(time.shown, true)}`, 'warn'), segment(` (of ${tickOf(time.present, true)})`, 'dim')];
};

/** `⏵ REPLAY`: a replay that still follows its recording (entries to come). */
export const describeReplayBadge = (facts: ViewFacts): StyledLine | undefined =>
	facts.replay && facts.replay.remaining > 0 ? [segment('⏵ REPLAY', 'accent'), segment(` ${facts.replay.remaining} to come`, 'dim')] : undefined;
