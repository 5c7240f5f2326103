// How an option's value is checked and read: small readers the option table is built from. Each
// gives the plan's fields the value sets, or the one-line message saying what is accepted.

import {PAGE_SIZE} from '../kernel/constants.js';
import {closestName} from './closest-name.js';
import type {ParseContext, RunPlan} from './parse-arguments.js';
import {formatSize, parseSize} from './parse-size.js';

/** A value option's reader: what the value must be (for "needs a value"), and how it is read. */
export type ValueReader = {
	accepts: (context: ParseContext) => string;
	read: (text: string, flag: string, context: ParseContext) => Partial<RunPlan> | string;
};

export const formatList = (names: readonly string[]): string => names.join(', ');

export const suggest = (typed: string, names: readonly string[], prefix = ''): string => {
	const name = closestName(typed, names);
	return name ? ` (did you mean ${prefix}${name}?)` : '';
};

const mustBe = (flag: string, accepts: string, text: string) => `${flag} must be ${accepts}, got "${text}"`;

/** A value `read` turns into something, or `undefined` when it cannot. */
export const checked = <T>(accepts: string, read: (text: string) => T | undefined, patch: (value: T) => Partial<RunPlan>): ValueReader => ({
	accepts: () => accepts,
	read(text, flag) {
		const value = read(text);
		return value === undefined ? mustBe(flag, accepts, text) : patch(value);
	},
});

export const oneOf = <T extends string>(...values: T[]) => (text: string): T | undefined => values.find(value => value === text);

// `undefined` for bad syntax, `null` for an integer past the safe range. Decimal digits only:
// `1e3`, `0x10`, `1_000` and `1.0` are refused rather than guessed at.
const readInteger = (text: string, signed: boolean): number | null | undefined => {
	if (!(signed ? /^-?\d+$/ : /^\d+$/).test(text)) {
		return undefined;
	}

	const value = Number(text) + 0; // `+ 0` turns `-0` into 0
	return Number.isSafeInteger(value) ? value : null;
};

export const integerIn = ([min, max]: readonly [number, number]) => (text: string): number | undefined => {
	const value = readInteger(text, false);
	return typeof value === 'number' && value >= min && value <= max ? value : undefined;
};

export const positiveUpTo = (max: number) => (text: string): number | undefined => {
	const value = Number(text);
	return /^\d+(?:\.\d+)?$/.test(text) && Number.isFinite(value) && value > 0 && value <= max ? value : undefined;
};

/** An integer; past the safe range the message gives the range rather than `accepts`. */
export const wholeNumber = (accepts: string, signed: boolean, patch: (value: number) => Partial<RunPlan>): ValueReader => ({
	accepts: () => accepts,
	read(text, flag) {
		const value = readInteger(text, signed);
		const range = `an integer from ${signed ? -Number.MAX_SAFE_INTEGER : 0} to ${Number.MAX_SAFE_INTEGER}`;
		return typeof value === 'number' ? patch(value) : mustBe(flag, value === null ? range : accepts, text);
	},
});

export const readWorkload: ValueReader = {
	accepts: () => 'a built-in workload name or a path to a workload module',
	read(text, _flag, context) {
		if (context.workloadNames.includes(text)) {
			return {workload: {kind: 'builtin', name: text}};
		}

		// The loader checks that the file exists; here a path only has to look like one.
		if (/[/\\]|\.(?:[mc]?js|ts)$/.test(text)) {
			return {workload: {kind: 'path', path: text}};
		}

		return `unknown workload "${text}"${suggest(text, context.workloadNames)}; built-in workloads: ${formatList(context.workloadNames)}; or a path to a .js module`;
	},
};

const ramAccepts = 'a size in bytes or with a K, M or G suffix, like 512M';

export const readRam: ValueReader = {
	accepts: () => ramAccepts,
	read(text, flag, context) {
		const bytes = parseSize(text);
		if (bytes === null) {
			return mustBe(flag, ramAccepts, text);
		}

		if (bytes < context.minRamBytes) {
			return `${flag} "${text}" is too small to boot: at least ${formatSize(context.minRamBytes)}`;
		}

		if (bytes > context.maxRamBytes) {
			return `${flag} "${text}" is too large: at most ${formatSize(context.maxRamBytes)}`;
		}

		// Physical memory is counted in pages; rounding quietly would simulate a RAM nobody asked for.
		const spare = bytes % PAGE_SIZE;
		return spare === 0 ? {ramBytes: bytes} : `${flag} "${text}" is not a whole number of ${formatSize(PAGE_SIZE)} pages: try ${formatSize(bytes - spare)}`;
	},
};

export const readRevision: ValueReader = {
	accepts: context => `one of ${formatList(context.revisionIds)}`,
	read: (text, _flag, {revisionIds}) => revisionIds.includes(text) ? {revision: text} : `unknown revision "${text}"; revisions: ${formatList(revisionIds)}`,
};
