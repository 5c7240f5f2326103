// Greedy word wrap for log lines: breaks at spaces, and inside a word only when the word alone is
// wider than the line (a long path or address still shows, cut into pieces).

import {sliceText, textWidth} from './styled-line.js';

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
