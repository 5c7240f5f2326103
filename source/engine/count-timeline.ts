// The session's timeline as one count: each boot's ticks, and one step across each reboot
// (a boot's last tick, then the next boot's first). Time travel moves along this count, so
// `←` at a boot's tick 0 lands on the previous boot's last tick. Pure: the journal says where
// each reboot happened, the present's tick where the present's boot ends.

import type {JournalEntry} from './session-journal.js';

export type TimePoint = {boot: number; tick: number};

/** Where each boot's tick 0 sits on the timeline (index = boot; index 0 unused). */
const bootStarts = (journal: readonly JournalEntry[]): number[] => {
	const starts = [0, 0];
	for (const entry of journal) {
		if (entry.action.type === 'reboot') {
			starts[entry.boot + 1] = starts[entry.boot]! + entry.tick + 1;
		}
	}

	return starts;
};

/** A boot's last tick: where its reboot happened, or the present's tick for the present's boot. */
const bootEnd = (journal: readonly JournalEntry[], presentTick: number, boot: number): number => {
	const reboot = journal.find((entry) => entry.boot === boot && entry.action.type === 'reboot');
	return reboot ? reboot.tick : presentTick;
};

/** `point`'s place on the timeline, clamped to the boots and ticks there are. */
export const orderOnTimeline = (journal: readonly JournalEntry[], presentTick: number, point: TimePoint): number => {
	const starts = bootStarts(journal);
	const boot = Math.min(Math.max(1, point.boot), starts.length - 1);
	const end = bootEnd(journal, presentTick, boot);
	return starts[boot]! + Math.min(Math.max(0, point.tick), end);
};

/** The point at place `order` on the timeline, clamped to the boots and ticks there are. */
export const pointOnTimeline = (journal: readonly JournalEntry[], presentTick: number, order: number): TimePoint => {
	const starts = bootStarts(journal);
	let boot = starts.length - 1;
	while (boot > 1 && starts[boot]! > order) {
		boot--;
	}

	return {boot, tick: Math.min(Math.max(0, order - starts[boot]!), bootEnd(journal, presentTick, boot))};
};
