// The footer's line of workloads: every workload the number keys reach, the running one
// bracketed; in the past only the running one, since its keys wait for the present.

import type {FooterInput} from './describe-footer.js';
import {NUMBERED_WORKLOADS, workloadKey} from './live-keys.js';
import {firstFitting, fitLine, lineWidth, segment, type StyledLine} from './styled-line.js';

/** `1-9`, or `0-9` when the tenth workload has the key 0. */
export const keyRange = (count: number): string => (count >= NUMBERED_WORKLOADS ? '0-9' : `1-${count}`);

/** The shortest a cut workload name gets: five letters and `…`. */
const MIN_NAME = 6;

/** A name cut to `cap` columns, `…` saying so; `cap` 0 leaves the key alone. */
const shortName = (name: string, cap: number): string => (cap <= 0 ? '' : name.length <= cap ? name : `${name.slice(0, cap - 1)}…`);

/** In the past the workload keys wait for the present (live-engine.ts): only the running workload, and why. */
const pastWorkloadLine = (input: FooterInput, width: number): StyledLine => {
	const key = workloadKey((input.workloads ?? []).indexOf(input.workload));
	const running = [segment(' '), segment(`[${key ? `${key} ` : ''}${input.workload}]`, 'selected')];
	return firstFitting(width, [...running, segment('  workloads switch at the present', 'dim')], running);
};

export const workloadListOf = (input: FooterInput, width: number): StyledLine => {
	if (input.past) {
		return pastWorkloadLine(input, width);
	}

	const names = input.workloads ?? [input.workload];
	const current = names.indexOf(input.workload);
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
		...(runningBeyond ? [segment(' '), segment(`[${input.workload}]`, 'selected')] : []),
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

	const name = current >= 0 && workloadKey(current) ? `${workloadKey(current)!} ${input.workload}` : input.workload;
	return fitLine([segment(' '), segment(`[${name}]`, 'selected'), segment(`  ${keyRange(numbered.length)}`, 'bold'), segment(' w/W', 'bold')], width);
};
