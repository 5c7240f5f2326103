// `/` in a list: which items match a query, and the matches highlighted in a line. Smart case, as
// in vim and less: a query with a capital letter matches case for case (`/Adding` finds kmalloc's
// "Adding memory to heap"), one in lower case ignores case.

import {segment, type StyledLine, type Tone} from './styled-line.js';

/** Whether `query` ignores case: it has no capital letter. */
const ignoresCase = (query: string): boolean => query === query.toLowerCase();

/** A test for `text` containing `query` (smart case); never matches for an empty query. */
export const queryMatcher = (query: string): ((text: string) => boolean) => {
	if (query === '') {
		return () => false;
	}

	if (ignoresCase(query)) {
		return (text) => text.toLowerCase().includes(query);
	}

	return (text) => text.includes(query);
};

/** The indexes of the items whose text matches, in order. */
export const findMatches = (texts: readonly string[], query: string): number[] => {
	const matches = queryMatcher(query);
	const found: number[] = [];
	for (const [index, text] of texts.entries()) {
		if (matches(text)) {
			found.push(index);
		}
	}

	return found;
};

/** The match after (`direction` 1) or before (-1) `from`, wrapping around; undefined when there is none. */
export const nextMatch = (matches: readonly number[], from: number, direction: 1 | -1): number | undefined => {
	if (matches.length === 0) {
		return undefined;
	}

	if (direction > 0) {
		return matches.find((index) => index > from) ?? matches[0];
	}

	for (let at = matches.length - 1; at >= 0; at--) {
		if (matches[at]! < from) {
			return matches[at];
		}
	}

	return matches.at(-1);
};

/** Where `query` occurs in `text`: [start, end) ranges in UTF-16 units, not overlapping. */
const occurrences = (text: string, query: string): Array<[number, number]> => {
	if (query === '') {
		return [];
	}

	const haystack = ignoresCase(query) ? text.toLowerCase() : text;
	const ranges: Array<[number, number]> = [];
	for (let at = haystack.indexOf(query); at >= 0; at = haystack.indexOf(query, at + query.length)) {
		ranges.push([at, at + query.length]);
	}

	return ranges;
};

/**
The line with every occurrence of `query` in `tone` (within one screen line: a match that a wrap
splits is not highlighted, the item's mark still says it matches).
*/
export const highlightMatches = (line: StyledLine, query: string, tone: Tone = 'flash'): StyledLine => {
	const text = line.map((part) => part.text).join('');
	const ranges = occurrences(text, query);
	if (ranges.length === 0) {
		return line;
	}

	const out: StyledLine = [];
	let offset = 0;
	for (const part of line) {
		const start = offset;
		const end = offset + part.text.length;
		offset = end;
		let cut = start;
		for (const [from, to] of ranges) {
			if (to <= cut || from >= end) {
				continue;
			}

			const low = Math.max(from, cut);
			const high = Math.min(to, end);
			if (low > cut) {
				out.push(segment(part.text.slice(cut - start, low - start), part.tone));
			}

			out.push(segment(part.text.slice(low - start, high - start), tone));
			cut = high;
		}

		if (cut < end) {
			out.push(segment(part.text.slice(cut - start), part.tone));
		}
	}

	return out;
};
