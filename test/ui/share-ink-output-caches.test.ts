// The one patch kmtop makes to Ink: it must apply to the Ink installed (the test fails the day an
// Ink update changes Output), and the caches it shares stay within their size bound.

import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {describe, expect, test} from 'vitest';
import {MAX_CACHED_CHARACTERS, shareInkOutputCaches} from '../../source/ui/share-ink-output-caches.js';

type OutputClass = new (options: {width: number; height: number}) => {
	write(x: number, y: number, text: string, options: {transformers: unknown[]}): void;
	get(): {output: string; height: number};
};

const loadOutput = async (): Promise<OutputClass> => {
	const entry = createRequire(import.meta.url).resolve('ink');
	return ((await import(pathToFileURL(path.join(path.dirname(entry), 'output.js')).href)) as {default: OutputClass}).default;
};

describe('Ink Output caches, shared across frames', () => {
	test('the patch applies to the Ink installed', async () => {
		const result = await shareInkOutputCaches();
		expect(result.applied ? 'applied' : result.reason).toBe('applied');
	});

	test('frames draw as before, and the caches hold at most their budget of text', async () => {
		const result = await shareInkOutputCaches();
		if (!result.applied) {
			throw new Error(result.reason);
		}

		const Output = await loadOutput();
		const held = () => [...result.caches.styledChars.keys(), ...result.caches.widths.keys(), ...result.caches.blockWidths.keys()].reduce((sum, key) => sum + key.length, 0);
		// Ten thousand frames of lines that all differ (a tick counter in each).
		for (let frame = 0; frame < 10_000; frame++) {
			const output = new Output({width: 60, height: 2});
			output.write(0, 0, `\u001B[1mtick ${frame}\u001B[22m ${'█'.repeat(frame % 40)}`, {transformers: []});
			output.write(0, 1, `│ line ${frame * 7} │`, {transformers: []});
			const {output: text} = output.get();
			expect(text).toBe(`${`\u001B[1mtick ${frame}\u001B[22m ${'█'.repeat(frame % 40)}`.trimEnd()}\n│ line ${frame * 7} │`);
			expect(held()).toBeLessThanOrEqual(MAX_CACHED_CHARACTERS);
		}

		expect(held()).toBeGreaterThan(0);
	});
});
