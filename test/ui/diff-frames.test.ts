import {describe, expect, test} from 'vitest';
import {createFrameDiffer} from '../../source/ui/diff-frames.js';

const erase = (lines: number) => (lines === 0 ? '' : `\u001B[2K${'\u001B[1A\u001B[2K'.repeat(lines - 1)}\u001B[G`);

describe('createFrameDiffer', () => {
	test('the first frame is drawn whole, at the top left', () => {
		const differ = createFrameDiffer();
		expect(differ.translate('a\nb\n')).toBe('\u001B[1;1Ha\u001B[K\u001B[2;1Hb\u001B[K\u001B[3;1H');
	});

	test('then only the lines that changed, in place', () => {
		const differ = createFrameDiffer();
		differ.translate('a\nb\nc\n');
		expect(differ.translate(`${erase(4)}a\nB\nc\n`)).toBe('\u001B[2;1HB\u001B[K\u001B[4;1H');
		expect(differ.translate(`${erase(4)}a\nB\nc\n`)).toBe('');
	});

	test('a shorter frame erases the lines it no longer has', () => {
		const differ = createFrameDiffer();
		differ.translate('a\nb\nc\n');
		expect(differ.translate(`${erase(4)}a\n`)).toBe('\u001B[2;1H\u001B[K\u001B[3;1H\u001B[K\u001B[2;1H');
	});

	test("Ink's clear (an erase alone) blanks the frame; reset forgets it", () => {
		const differ = createFrameDiffer();
		differ.translate('a\nb\n');
		expect(differ.translate(erase(3))).toBe('\u001B[1;1H\u001B[K\u001B[2;1H\u001B[K\u001B[1;1H');
		differ.translate('a\n');
		differ.reset();
		expect(differ.translate(`${erase(2)}a\n`)).toBe('\u001B[1;1Ha\u001B[K\u001B[2;1H');
	});

	test('mode switches and anything else pass through untouched', () => {
		const differ = createFrameDiffer();
		expect(differ.translate('\u001B[?25l')).toBe('\u001B[?25l');
		expect(differ.translate('\u001B[?2026h')).toBe('\u001B[?2026h');
		expect(differ.translate('no newline')).toBe('no newline');
	});

	test('a full clear goes through and the frame after it is drawn whole', () => {
		const differ = createFrameDiffer();
		differ.translate('a\n');
		expect(differ.translate('\u001B[2J\u001B[3J\u001B[Ha\n')).toBe('\u001B[2J\u001B[3J\u001B[H\u001B[1;1Ha\u001B[K\u001B[2;1H');
	});
});
