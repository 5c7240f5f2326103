import {describe, expect, it} from 'vitest';
import {escapeText} from '../../source/view/escape-text.js';

describe('escapeText', () => {
	it.each([
		['plain text', 'plain text'],
		['', ''],
		['\u001B[31mred\u001B[0m', '\\x1B[31mred\\x1B[0m'],
		['one\ntwo\r\n', 'one\\x0Atwo\\x0D\\x0A'],
		['tab\there', 'tab\\x09here'],
		['\u0000\u0007\u007F', '\\x00\\x07\\x7F'],
		// C1 controls: 0x9B is a one-byte CSI on terminals that honour 8-bit controls.
		['\u009B2J\u0085', '\\x9B2J\\x85'],
		// An OSC sequence that would set the window title.
		['\u001B]0;owned\u0007', '\\x1B]0;owned\\x07'],
		// Bidi overrides and isolates (Trojan Source), and the Unicode line separators.
		['abc\u202Efed', 'abc\\u{202E}fed'],
		['\u2066x\u2069', '\\u{2066}x\\u{2069}'],
		['a\u2028b\u2029c', 'a\\u{2028}b\\u{2029}c'],
		// Ordinary Unicode stays readable.
		['café 日本 🦀 – “quoted”', 'café 日本 🦀 – “quoted”'],
		// A backslash is not doubled: the point is a safe terminal, and paths stay recognisable.
		['C:\\dir', 'C:\\dir'],
	])('%j → %j', (input, output) => {
		expect(escapeText(input)).toBe(output);
	});

	it('leaves no control character and no line break, whatever the input', () => {
		let all = '';
		for (let code = 0; code < 0x3000; code++) {
			all += String.fromCodePoint(code);
		}

		const escaped = escapeText(all);
		expect(escaped).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/);
		expect(escaped.split('\n')).toHaveLength(1);
	});
});
