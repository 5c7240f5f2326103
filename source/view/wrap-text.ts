// Greedy word wrap: breaks at spaces, and inside a word only when the word alone is wider than
// the line (a long path or address still shows, cut into pieces). Text that must not be cut
// (log lines, the help, the panic screen) goes through here instead of being fitted with `…`.

import {lineWidth, segment, sliceText, textWidth, type StyledLine} from './styled-line.js';

export const wrapText = (text: string, width: number): string[] => {
	if (width <= 0) {
		return [];
	}

	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		let rest = word;
		const candidate = line === '' ? rest : `${line} ${rest}`;
		if (textWidth(candidate) <= width) {
			line = candidate;
			continue;
		}

		if (line !== '') {
			lines.push(line);
		}

		while (textWidth(rest) > width) {
			lines.push(sliceText(rest, width));
			rest = [...rest].slice(width).join('');
		}

		line = rest;
	}

	lines.push(line);
	return lines;
};

/**
A styled line wrapped at its spaces into lines of at most `width` columns, tones kept; lines after
the first start with `indent`. For lines that must not be cut (the panic screen's).
*/
export const wrapLine = (line: StyledLine, width: number, indent = ''): StyledLine[] => {
	if (width <= 0) {
		return [];
	}

	const tokens = line.flatMap((part) => (part.text.match(/ +|[^ ]+/g) ?? []).map((text) => segment(text, part.tone)));
	const lines: StyledLine[] = [];
	let current: StyledLine = [];
	const trimmed = (parts: StyledLine) => {
		const copy = [...parts];
		while (copy.length > 0 && copy.at(-1)!.text.trim() === '') {
			copy.pop();
		}

		return copy;
	};

	// The columns `current` takes, kept as it grows (measuring it again for each token made long
	// lines quadratic).
	let used = 0;
	const indentWidth = textWidth(indent);
	const startLine = () => {
		current = indent === '' ? [] : [segment(indent)];
		used = indent === '' ? 0 : indentWidth;
	};

	for (const token of tokens) {
		const blank = token.text.trim() === '';
		const tokenWidth = textWidth(token.text);
		if (used + tokenWidth <= width) {
			current.push(token);
			used += tokenWidth;
			continue;
		}

		if (blank) {
			continue;
		}

		if (lineWidth(trimmed(current)) > (lines.length === 0 ? 0 : indentWidth)) {
			lines.push(trimmed(current));
			startLine();
		}

		let rest = token.text;
		let restWidth = tokenWidth;
		while (used + restWidth > width) {
			const room = Math.max(1, width - used);
			current.push(segment(sliceText(rest, room), token.tone));
			lines.push(current);
			startLine();
			rest = [...rest].slice(room).join('');
			restWidth = textWidth(rest);
		}

		current.push(segment(rest, token.tone));
		used += restWidth;
	}

	lines.push(trimmed(current));
	return lines.filter((parts, index) => index === 0 || parts.length > 0);
};

/**
Items (a label and its value, say) side by side with `gap` between them, onto as many lines of
`width` as they need, never split unless one alone is wider than the line.
*/
export const flowLines = (items: StyledLine[], width: number, gap = '  '): StyledLine[] => {
	const lines: StyledLine[] = [];
	let current: StyledLine = [];
	for (const item of items) {
		const candidate = current.length === 0 ? item : [...current, segment(gap), ...item];
		if (lineWidth(candidate) <= width) {
			current = candidate;
			continue;
		}

		if (current.length > 0) {
			lines.push(current);
		}

		const pieces = lineWidth(item) <= width ? [item] : wrapLine(item, width);
		lines.push(...pieces.slice(0, -1));
		current = pieces.at(-1) ?? [];
	}

	return current.length > 0 ? [...lines, current] : lines;
};
