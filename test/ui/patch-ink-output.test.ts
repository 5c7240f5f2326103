// The one patch kmtop makes to Ink (Output#get, see the module): it must apply to the Ink
// installed (this fails the day an Ink update changes Output), draw exactly what Ink draws, and
// keep its caches within their size bound.

import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {patchInkOutput} from '../../source/ui/patch-ink-output.js';
import {checkOutput} from '../../source/ui/read-ink-output.js';

type Transformer = (line: string, index: number) => string;
type OutputInstance = {
	write(x: number, y: number, text: string, options: {transformers: Transformer[]}): void;
	clip(clip: {x1?: number; x2?: number; y1?: number; y2?: number}): void;
	unclip(): void;
	get(): {output: string; height: number};
};
type OutputClass = new (options: {width: number; height: number}) => OutputInstance;

const loadOutput = async (): Promise<OutputClass> => {
	const entry = createRequire(import.meta.url).resolve('ink');
	return ((await import(pathToFileURL(path.join(path.dirname(entry), 'output.js')).href)) as {default: OutputClass}).default;
};

const patched = async () => {
	const result = await patchInkOutput();
	if (!result.applied) {
		throw new Error(`the Ink Output patch did not apply: ${result.reason}`);
	}

	return result;
};

type Step =
	| {kind: 'write'; x: number; y: number; text: string; transform: 'none' | 'paint' | 'index'}
	| {kind: 'clip'; y1: number; y2: number; horizontal: boolean}
	| {kind: 'unclip'};

const styled = fc.constantFrom('', '\u001B[1m', '\u001B[31m', '\u001B[2m', '\u001B[39m', '\u001B[22m', '\u001B[0m', '\u001B[7m');
const glyph = fc.constantFrom('a', 'b', ' ', '│', '█', '░', '─', '▁', '世', '·');
const text = fc.array(fc.oneof(glyph, styled, fc.constant('\n')), {maxLength: 30}).map((parts) => parts.join('')).filter((value) => value !== '');
const step: fc.Arbitrary<Step> = fc.oneof(
	{weight: 6, arbitrary: fc.record({kind: fc.constant('write' as const), x: fc.integer({min: -2, max: 25}), y: fc.integer({min: -2, max: 8}), text, transform: fc.constantFrom('none' as const, 'paint' as const, 'index' as const)})},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('clip' as const), y1: fc.integer({min: 0, max: 4}), y2: fc.integer({min: 2, max: 8}), horizontal: fc.boolean()})},
	{weight: 1, arbitrary: fc.constant({kind: 'unclip' as const})},
);

const transformers: Record<'none' | 'paint' | 'index', Transformer[]> = {
	none: [],
	paint: [(line) => `\u001B[32m${line.replaceAll('a', '▌')}\u001B[39m`],
	index: [(line, index) => `${index}${line}`],
};

const apply = (output: OutputInstance, steps: Step[]) => {
	for (const item of steps) {
		if (item.kind === 'write') {
			output.write(item.x, item.y, item.text, {transformers: transformers[item.transform]});
		} else if (item.kind === 'clip') {
			output.clip(item.horizontal ? {x1: 2, x2: 12, y1: item.y1, y2: item.y2} : {y1: item.y1, y2: item.y2});
		} else {
			output.unclip();
		}
	}
};

describe('Ink Output, patched', () => {
	test('the patch applies to the Ink installed, and a changed Output is refused with the reason', async () => {
		await patched();
		expect(checkOutput(undefined)).toBe('ink/build/output.js has no default export class');
		expect(checkOutput(class {})).toBe('Output.prototype.get is not a function');
	});

	test('every frame is exactly what Ink itself draws, row cache or not', async () => {
		const {inkGet} = await patched();
		const Output = await loadOutput();
		fc.assert(
			fc.property(fc.array(step, {maxLength: 14}), fc.integer({min: 1, max: 30}), fc.integer({min: 1, max: 8}), (steps, width, height) => {
				// Twice: the second frame is drawn from the row cache.
				for (let frame = 0; frame < 2; frame++) {
					const ours = new Output({width, height});
					apply(ours, steps);
					const inks = new Output({width, height});
					apply(inks, steps);
					expect(ours.get()).toEqual(inkGet.call(inks as never));
				}
			}),
			{numRuns: 600},
		);
	});

	test('frame after frame, a row kept from the frame before (the same writes in the same place) or drawn anew is what Ink draws', async () => {
		const {inkGet} = await patched();
		const Output = await loadOutput();
		// Few lines, so rows often come again as they were, at the same row or another, at the same width or not.
		const line = fc.constantFrom('\u001B[1mab\u001B[22m', '│ ab │', '\u001B[2m──\u001B[22m', 'ab', 'ab ', '█░');
		const write = fc.record({x: fc.integer({min: 0, max: 6}), y: fc.integer({min: 0, max: 3}), line});
		fc.assert(
			fc.property(fc.array(fc.record({width: fc.constantFrom(8, 9), writes: fc.array(write, {maxLength: 6})}), {minLength: 2, maxLength: 6}), (frames) => {
				for (const {width, writes} of frames) {
					const ours = new Output({width, height: 4});
					const inks = new Output({width, height: 4});
					for (const {x, y, line} of writes) {
						// A copy of the line: the same text as another string object.
						ours.write(x, y, [...line].join(''), {transformers: []});
						inks.write(x, y, line, {transformers: []});
					}

					expect(ours.get()).toEqual(inkGet.call(inks as never));
				}
			}),
			{numRuns: 600},
		);
	});

	test('a row of writes side by side, touching or not, is what Ink draws, and drawn from the writes\' pieces', async () => {
		const {inkGet, pieces, unjoinable} = await patched();
		const Output = await loadOutput();
		const part = fc.array(fc.oneof(glyph, styled), {minLength: 1, maxLength: 8}).map((parts) => parts.join('')).filter((text) => text !== '');
		let run = 0;
		fc.assert(
			fc.property(fc.array(fc.record({gap: fc.integer({min: 0, max: 2}), text: part}), {minLength: 1, maxLength: 5}), fc.boolean(), (parts, reversed) => {
				const writes: Array<{x: number; text: string}> = [];
				let x = 0;
				for (const {gap, text} of parts) {
					x += gap;
					writes.push({x, text});
					x += [...text.replaceAll(/\u001B\[\d+m/g, '')].reduce((sum, character) => sum + (character === '世' ? 2 : 1), 0);
				}

				// Twice: the second frame is drawn from the row cache. The width alternates from run to
				// run, so the first frame is never the run before's row again.
				const width = x + 1 + (run++ % 2);
				// Whether an earlier run's row of this shape went together is not this run's question.
				unjoinable.clear();
				for (let frame = 0; frame < 2; frame++) {
					const ours = new Output({width, height: 1});
					const inks = new Output({width, height: 1});
					for (const write of reversed ? [...writes].reverse() : writes) {
						ours.write(write.x, 0, write.text, {transformers: []});
						inks.write(write.x, 0, write.text, {transformers: []});
					}

					expect(ours.get()).toEqual(inkGet.call(inks as never));
					// A row is drawn from its writes' pieces, when they go together (one write always does).
					if (frame === 0) {
						expect([...pieces.thisFrame.keys()].sort()).toEqual([...new Set(writes.map((write) => write.text))].sort());
					}
				}
			}),
			{numRuns: 600},
		);
	});

	test('a style running across two writes that touch is drawn as Ink draws it: no close and reopen at the seam', async () => {
		await patched();
		const Output = await loadOutput();
		const output = new Output({width: 12, height: 3});
		// Bold on both sides of the seam: Ink writes nothing between them.
		output.write(0, 0, '\u001B[1mab\u001B[22m', {transformers: []});
		output.write(2, 0, '\u001B[1mcd\u001B[22m', {transformers: []});
		// One side plain: the pieces side by side.
		output.write(0, 1, '\u001B[1mab\u001B[22m', {transformers: []});
		output.write(2, 1, 'cd  ', {transformers: []});
		output.write(7, 1, '\u001B[2mef\u001B[22m', {transformers: []});
		// Overlapping: the later write wins.
		output.write(0, 2, 'abcd', {transformers: []});
		output.write(2, 2, '\u001B[1mXY\u001B[22m', {transformers: []});
		expect(output.get().output).toBe(
			['\u001B[1mabcd\u001B[22m', '\u001B[1mab\u001B[22mcd   \u001B[2mef\u001B[22m', 'ab\u001B[1mXY\u001B[22m'].join('\n'),
		);
	});

	test('two panels whose styled borders touch are drawn from their pieces, joined at the seam as Ink joins them', async () => {
		const {pieces, unjoinable} = await patched();
		const Output = await loadOutput();
		const frame = (left: string, right: string, rightStyle = '\u001B[2m') => {
			const output = new Output({width: 20, height: 1});
			output.write(0, 0, `\u001B[2m│ \u001B[22m${left}\u001B[2m │\u001B[22m`, {transformers: []});
			output.write(8, 0, `${rightStyle}│ \u001B[0m${right}\u001B[2m │\u001B[22m`, {transformers: []});
			return output.get().output;
		};

		// The same style on both sides: Ink writes nothing between them.
		expect(frame('abcd', 'efgh')).toBe('\u001B[2m│ \u001B[22mabcd\u001B[2m ││ \u001B[22mefgh\u001B[2m │\u001B[22m');
		expect(pieces.thisFrame.size).toBe(2);
		expect(unjoinable.thisFrame.size).toBe(0);
		// Dim then bold: only the change.
		expect(frame('abce', 'efgi', '\u001B[1m')).toBe('\u001B[2m│ \u001B[22mabce\u001B[2m │\u001B[22m\u001B[1m│ \u001B[22mefgi\u001B[2m │\u001B[22m');
		expect(pieces.thisFrame.size).toBe(2);
		expect(unjoinable.thisFrame.size).toBe(0);
	});

	test('a row shape whose pieces did not go together goes straight to Ink\'s get while it stays', async () => {
		const {pieces, unjoinable} = await patched();
		const Output = await loadOutput();
		const frame = (left: string, right: string) => {
			const output = new Output({width: 20, height: 1});
			// Overlapping writes: the later one covers part of the first.
			output.write(0, 0, `\u001B[2m│ \u001B[22m${left}\u001B[2m │\u001B[22m`, {transformers: []});
			output.write(6, 0, `\u001B[1m${right}\u001B[22m`, {transformers: []});
			return output.get().output;
		};

		expect(frame('abcd', 'XY')).toBe('\u001B[2m│ \u001B[22mabcd\u001B[1mXY\u001B[22m');
		expect([...unjoinable.thisFrame.keys()]).toEqual(['20:0,6']);
		expect(frame('abce', 'XZ')).toBe('\u001B[2m│ \u001B[22mabce\u001B[1mXZ\u001B[22m');
		// Not cut into pieces again: the shape is known.
		expect(pieces.thisFrame.size).toBe(0);
		expect([...unjoinable.thisFrame.keys()]).toEqual(['20:0,6']);
		// Apart, the same panels go together again.
		const output = new Output({width: 20, height: 1});
		output.write(0, 0, '\u001B[2m│ \u001B[22mabcd\u001B[2m │\u001B[22m', {transformers: []});
		output.write(9, 0, '\u001B[2m│ \u001B[22mefgh\u001B[2m │\u001B[22m', {transformers: []});
		expect(output.get().output).toBe('\u001B[2m│ \u001B[22mabcd\u001B[2m │\u001B[22m \u001B[2m│ \u001B[22mefgh\u001B[2m │\u001B[22m');
		expect(pieces.thisFrame.size).toBe(2);
		expect(unjoinable.thisFrame.size).toBe(0);
	});

	test('the row, piece and shape caches hold two frames, however many frames differ', async () => {
		const {rows, pieces, unjoinable} = await patched();
		const Output = await loadOutput();
		for (let frame = 0; frame < 10_000; frame++) {
			const output = new Output({width: 60, height: 3});
			output.write(0, 0, `\u001B[1mtick ${frame}\u001B[22m`, {transformers: []});
			output.write(20, 0, '█'.repeat(frame % 40), {transformers: []});
			output.write(0, 1, '│ the same line every frame │', {transformers: []});
			// Bold across the seam: a shape that does not go together, a new one every frame.
			output.write(0, 2, `\u001B[1m│ line ${frame * 7} │\u001B[22m`, {transformers: []});
			output.write(10 + (frame % 40), 2, '\u001B[1m│\u001B[22m', {transformers: []});
			const line = `│ line ${frame * 7} │`;
			expect(output.get().output).toBe(
				[
					`${`\u001B[1mtick ${frame}\u001B[22m${' '.repeat(20 - `tick ${frame}`.length)}${'█'.repeat(frame % 40)}`.trimEnd()}`,
					'│ the same line every frame │',
					10 + (frame % 40) === line.length
						? `\u001B[1m${line}│\u001B[22m`
						: 10 + (frame % 40) > line.length
							? `\u001B[1m${line}\u001B[22m${' '.repeat(10 + (frame % 40) - line.length)}\u001B[1m│\u001B[22m`
							: `\u001B[1m${line.slice(0, 10 + (frame % 40))}│${line.slice(11 + (frame % 40))}\u001B[22m`,
				].join('\n'),
			);
			expect(rows.thisFrame.size).toBe(3);
			expect(pieces.thisFrame.size).toBeLessThanOrEqual(4);
			expect(unjoinable.thisFrame.size).toBeLessThanOrEqual(1);
			// Frame 0's previous generation is whatever the test before drew; from frame 1 on it is ours.
			if (frame > 0) {
				expect(rows.lastFrame.size).toBeLessThanOrEqual(3);
				expect(pieces.lastFrame.size).toBeLessThanOrEqual(4);
				expect(unjoinable.lastFrame.size).toBeLessThanOrEqual(1);
			}
		}
	});
});
