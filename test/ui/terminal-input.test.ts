// The mouse reports the live view reads, and the terminal modes it gives back: the mouse is off
// again on every way out, as the alternate screen is, even when a step before it fails.

import {describe, expect, test} from 'vitest';
import {parseMouse, parseMouseReports} from '../../source/ui/parse-mouse.js';
import {DISABLE_MOUSE, ENABLE_MOUSE, enterFullScreen, restoreTerminal} from '../../source/ui/terminal-modes.js';

describe('SGR mouse reports', () => {
	test.each([
		['\u001B[<0;5;12M', {kind: 'click', column: 4, row: 11}],
		['[<0;1;1M', {kind: 'click', column: 0, row: 0}],
		['\u001B[<0;5;12m', {kind: 'other'}],
		['\u001B[<2;5;12M', {kind: 'other'}],
		['\u001B[<32;5;12M', {kind: 'other'}],
		['\u001B[<64;30;10M', {kind: 'wheel', direction: -1, column: 29, row: 9}],
		['\u001B[<65;30;10M', {kind: 'wheel', direction: 1, column: 29, row: 9}],
		// Ctrl held (16): still the wheel.
		['\u001B[<81;3;4M', {kind: 'wheel', direction: 1, column: 2, row: 3}],
		['\u001B[<0;250;60M', {kind: 'click', column: 249, row: 59}],
	])('%j', (input, event) => {
		expect(parseMouse(input)).toEqual(event);
	});

	test.each(['q', '\u001B[A', '[<0;5M', '\u001B[<0;5;12Mq'])('%j is not a report', (input) => {
		expect(parseMouse(input)).toBeUndefined();
		expect(parseMouseReports(input)).toBeUndefined();
	});

	test('a fast wheel sends several reports in one read: each is an event', () => {
		expect(parseMouseReports('\u001B[<65;3;4M\u001B[<65;3;4M[<64;3;4M')).toEqual([
			{kind: 'wheel', direction: 1, column: 2, row: 3},
			{kind: 'wheel', direction: 1, column: 2, row: 3},
			{kind: 'wheel', direction: -1, column: 2, row: 3},
		]);
	});
});

describe('terminal modes', () => {
	const writer = () => {
		const writes: string[] = [];
		return {writes, write: (text: string) => writes.push(text)};
	};

	test('the full screen turns the mouse on (presses and the wheel, SGR form)', () => {
		const out = writer();
		enterFullScreen(out);
		expect(ENABLE_MOUSE).toBe('\u001B[?1000h\u001B[?1006h');
		expect(out.writes.join('')).toContain(ENABLE_MOUSE);
	});

	test('restoring turns it off first, with the cursor and the screen, in one write', () => {
		const out = writer();
		const stdin = {isTTY: true, raw: true, setRawMode(mode: boolean) {
			this.raw = mode;
		}};
		restoreTerminal(out, stdin);
		expect(stdin.raw).toBe(false);
		expect(out.writes).toEqual(['\u001B[?1006l\u001B[?1000l\u001B[?25h\u001B[?1049l']);
		expect(out.writes[0]!.startsWith(DISABLE_MOUSE)).toBe(true);
	});

	test('a raw mode that cannot be left does not keep the mouse on', () => {
		const out = writer();
		restoreTerminal(out, {isTTY: true, setRawMode() {
			throw new Error('EIO');
		}});
		expect(out.writes.join('')).toContain(DISABLE_MOUSE);
	});
});
