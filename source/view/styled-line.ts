// A line of a panel as data: segments of text, each with a tone. The view layer decides what a
// line says and what it means (its tone); the ui layer decides what a tone looks like. Meaning
// never rests on the tone alone: every state also has a word or a glyph in the text.

export type Tone =
	| 'plain'
	| 'dim'
	| 'bold'
	| 'accent'
	| 'good'
	| 'warn'
	| 'bad'
	/** A change that just happened (a consumed backup, a new subheap): shown for a moment. */
	| 'flash'
	/** A kernel panic. */
	| 'alarm'
	/** The current item of a list (the running workload). */
	| 'selected'
	/** Who holds a block in the chunk map: a palette of distinct colours, picked by holder id. */
	| HolderTone;

export type HolderTone = `holder-${0 | 1 | 2 | 3 | 4 | 5 | 6 | 7}`;

export const holderTones: readonly HolderTone[] = ['holder-0', 'holder-1', 'holder-2', 'holder-3', 'holder-4', 'holder-5', 'holder-6', 'holder-7'];

/** The same holder always gets the same colour: its id modulo the palette. */
export const holderTone = (holderId: number): HolderTone => holderTones[holderId % holderTones.length]!;

export type Segment = {text: string; tone: Tone};

export type StyledLine = Segment[];

export const segment = (text: string, tone: Tone = 'plain'): Segment => ({text, tone});

/**
Columns a text takes. Every glyph kmtop itself draws is one column wide, so code points are
columns; text from elsewhere (workload log lines) is assumed to be the same.
*/
export const textWidth = (text: string): number => {
	// Without surrogates (nearly every text) each UTF-16 unit is a code point of its own.
	if (!SURROGATE.test(text)) {
		return text.length;
	}

	let width = 0;
	for (const _character of text) {
		width++;
	}

	return width;
};

const SURROGATE = /[\uD800-\uDFFF]/;

// Counted loops in the functions below: they run for every segment of every panel line each
// frame, four frames a second, mostly in V8's baseline tier, where a callback per item (every,
// reduce, filter, flatMap) cost more than the work itself.

/** Whether two lines say the same: segment by segment, the same text in the same tone. */
export const sameLine = (a: StyledLine, b: StyledLine): boolean => {
	if (a.length !== b.length) {
		return false;
	}

	for (let index = 0; index < a.length; index++) {
		const part = a[index]!;
		const other = b[index]!;
		if (part.text !== other.text || part.tone !== other.tone) {
			return false;
		}
	}

	return true;
};

export const lineText = (line: StyledLine): string => line.map((part) => part.text).join('');

export const lineWidth = (line: StyledLine): number => {
	let width = 0;
	for (let index = 0; index < line.length; index++) {
		width += textWidth(line[index]!.text);
	}

	return width;
};

/** The first `width` columns of a text. */
export const sliceText = (text: string, width: number): string => [...text].slice(0, Math.max(0, width)).join('');

/** Cut to `width` columns, ending in `…` when something was cut. */
export const truncateText = (text: string, width: number): string => {
	if (width <= 0) {
		return '';
	}

	return textWidth(text) <= width ? text : `${sliceText(text, width - 1)}…`;
};

export const padEnd = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - textWidth(text)));

export const padStart = (text: string, width: number): string => ' '.repeat(Math.max(0, width - textWidth(text))) + text;

/**
Exactly `width` columns: padded with spaces, or cut with `…`. Every panel line goes through
this, so a changing number can never push a border or a column sideways.
*/
export const fitLine = (line: StyledLine, width: number): StyledLine => {
	const total = lineWidth(line);
	if (total <= width) {
		return total === width ? line : [...line, segment(' '.repeat(width - total))];
	}

	const fitted: StyledLine = [];
	let room = width - 1;
	for (const part of line) {
		if (room <= 0) {
			break;
		}

		const text = sliceText(part.text, room);
		fitted.push(segment(text, part.tone));
		room -= textWidth(text);
	}

	fitted.push(segment(width > 0 ? '…' : '', line.at(-1)?.tone ?? 'plain'));
	return fitted.filter((part) => part.text !== '');
};

/** A line cut at a column: the segments before it and the segments from it (one across it cut in two). */
export const splitLine = (line: StyledLine, column: number): [StyledLine, StyledLine] => {
	const before: StyledLine = [];
	const after: StyledLine = [];
	let at = 0;
	for (const part of line) {
		const width = textWidth(part.text);
		if (at + width <= column) {
			before.push(part);
		} else if (at >= column) {
			after.push(part);
		} else {
			const characters = [...part.text];
			before.push(segment(characters.slice(0, column - at).join(''), part.tone));
			after.push(segment(characters.slice(column - at).join(''), part.tone));
		}

		at += width;
	}

	return [before, after];
};

/** Segments side by side with a gap, for lines built of parts. */
export const joinSegments = (parts: StyledLine[], gap = '  '): StyledLine => {
	const joined: StyledLine = [];
	for (let index = 0; index < parts.length; index++) {
		const part = parts[index]!;
		if (part.length === 0) {
			continue;
		}

		if (joined.length > 0) {
			joined.push(segment(gap));
		}

		for (let at = 0; at < part.length; at++) {
			joined.push(part[at]!);
		}
	}

	return joined;
};

/** The first of several wordings that fits in `width`; the last one cut to fit if none does. */
export const firstFitting = (width: number, ...variants: StyledLine[]): StyledLine =>
	fitLine(variants.find((variant) => lineWidth(variant) <= width) ?? variants.at(-1) ?? [], width);
