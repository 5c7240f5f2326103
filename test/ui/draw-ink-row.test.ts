// Rows drawn from Ink's answers (draw-ink-row.ts) must be byte for byte what Ink's Output#get
// draws, or be left to get(): every row here is checked against get() itself.

import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {checkRowDrawer} from '../../source/ui/check-row-drawer.js';
import {createRowDrawer, STYLE_CACHE_CHARACTERS} from '../../source/ui/draw-ink-row.js';
import {patchInkOutput} from '../../source/ui/patch-ink-output.js';

const drawerOfInk = async () => {
	const result = await patchInkOutput();
	if (!result.applied) {
		throw new Error(`the Ink Output patch did not apply: ${result.reason}`);
	}

	return result.rowDrawer;
};

const pairsOf = (writes: Array<number | string>): Array<[number, string]> => {
	const pairs: Array<[number, string]> = [];
	for (let index = 0; index < writes.length; index += 2) {
		pairs.push([writes[index] as number, writes[index + 1] as string]);
	}

	return pairs;
};

// What chalk writes (and a few codes it does not), and glyphs: kmtop's own, then ones the drawer
// must leave to get() (wide, joining, outside the BMP, other escape sequences).
const sgr = fc.constantFrom(
	'\u001B[1m', '\u001B[2m', '\u001B[22m', '\u001B[31m', '\u001B[39m', '\u001B[43m', '\u001B[49m', '\u001B[7m', '\u001B[27m', '\u001B[0m', '\u001B[m',
	'\u001B[38;5;39m', '\u001B[38;5;170m', '\u001B[38;2;10;20;30m', '\u001B[1;31m', '\u001B[91m', '\u001B[4m', '\u001B[24m', '\u001B[;1m',
);
const plainGlyph = fc.constantFrom('a', 'Z', ' ', '│', '─', '┌', '█', '▍', '░', '▁', '●', '○', '◆', '✕', '◀', '›', '▸', '…', '·', '0', '%', '\t', 'é', '\u00A0');
const otherGlyph = fc.constantFrom('世', 'e\u0301', '😀', '\u200D', '\u001B[K', '\u001B]8;;x\u0007', '\u001B', '\u0301', '\uFE0F', '\u1100\u1161');

const line = (glyph: fc.Arbitrary<string>) => fc.array(fc.oneof({weight: 3, arbitrary: glyph}, {weight: 1, arbitrary: sgr}), {maxLength: 24}).map((parts) => parts.join(''));
const writes = (glyph: fc.Arbitrary<string>) =>
	fc.array(fc.tuple(fc.integer({min: -3, max: 22}), line(glyph)), {maxLength: 5}).map((pairs) => pairs.flatMap(([x, text]) => [x, text]));

describe('drawing a row from Ink\'s answers', () => {
	test('the drawer passes its check against the Ink installed', async () => {
		const drawer = await drawerOfInk();
		expect(drawer.disabled).toBeUndefined();
		expect(checkRowDrawer(drawer)).toBeUndefined();
	});

	test('rows of SGR styles and one-cell glyphs are drawn, exactly as get() draws them', async () => {
		const drawer = await drawerOfInk();
		fc.assert(
			fc.property(fc.integer({min: 0, max: 24}), writes(plainGlyph), (width, row) => {
				const drawn = drawer.draw(width, row);
				expect(drawn).toBeDefined();
				expect(drawn).toBe(drawer.probe(width, pairsOf(row)));
			}),
			{numRuns: 1500},
		);
	});

	test('anything else is left to get(), or drawn exactly as get() draws it', async () => {
		const drawer = await drawerOfInk();
		let leftToInk = 0;
		fc.assert(
			fc.property(fc.integer({min: 0, max: 24}), writes(fc.oneof(plainGlyph, otherGlyph)), (width, row) => {
				const drawn = drawer.draw(width, row);
				if (drawn === undefined) {
					leftToInk++;
				} else {
					expect(drawn).toBe(drawer.probe(width, pairsOf(row)));
				}
			}),
			{numRuns: 1500},
		);
		expect(leftToInk).toBeGreaterThan(100);
		// Each on its own goes to get().
		for (const glyph of ['世', 'e\u0301', '😀', '\u001B[K', '\u001B]8;;x\u0007', '\u001B', '\u1100\u1161']) {
			expect(drawer.draw(10, [0, `ab${glyph}`])).toBeUndefined();
		}
	});

	test('a line alone is drawn as get() draws it, with its columns and whether its ends are styled; anything else is left to get()', async () => {
		const drawer = await drawerOfInk();
		fc.assert(
			fc.property(line(fc.oneof({weight: 4, arbitrary: plainGlyph}, {weight: 1, arbitrary: otherGlyph})), (text) => {
				const piece = drawer.piece(text);
				const plain = drawer.draw(64, [0, text]);
				expect(piece === undefined).toBe(plain === undefined);
				if (piece) {
					// A dot after it keeps the piece's end from being trimmed.
					expect(`${piece.text}.`).toBe(drawer.probe(piece.width + 1, [[0, text], [piece.width, '.']]));
					// Its columns: a cell written there lands right after its last character.
					const bare = (drawn: string) => drawn.replaceAll(/\u001B\[[\d;]*m/g, '');
					expect(bare(drawer.probe(piece.width + 1, [[0, text], [piece.width, 'Z']]))).toBe(`${bare(piece.text)}Z`);
					// The drawer takes no escape character but SGR codes: an escape in what get() draws is a code.
					expect(piece.styledStart).toBe(piece.text.startsWith('\u001B'));
					expect(piece.styledEnd).toBe(/\u001B\[[\d;]*m$/.test(piece.text));
				}
			}),
			{numRuns: 800},
		);
	});

	test('its caches hold what two frames drew, and styles up to their size, however many frames go by', async () => {
		const drawer = await drawerOfInk();
		// What the tests before left is gone after two frames.
		drawer.nextFrame();
		drawer.nextFrame();
		for (let frame = 0; frame < 1500; frame++) {
			drawer.nextFrame();
			// A new true colour every frame: a style never seen again.
			const row = [0, `\u001B[1mtick ${frame}\u001B[22m`, 12, `\u001B[38;2;${frame % 256};${Math.floor(frame / 256)};7m█\u001B[39m`];
			expect(drawer.draw(20, row)).toBe(drawer.probe(20, pairsOf(row)));
			expect(drawer.cached.lines).toBeLessThanOrEqual(4);
			expect(drawer.cached.styleCharacters).toBeLessThanOrEqual(2 * STYLE_CACHE_CHARACTERS);
		}
	});

	test('a drawer whose rows differ from get()\'s fails its check, and then draws nothing', () => {
		const truth = createRowDrawer((width, pairs) => {
			const cells = Array.from({length: width}, () => ' ');
			for (const [x, text] of pairs) {
				for (const [index, character] of [...text].entries()) {
					cells[x + index] = character;
				}
			}

			return cells.join('').trimEnd();
		});
		const problem = checkRowDrawer(truth);
		expect(problem).toMatch(/^a row drawn from Ink's answers differs from Output#get: /);
		truth.disable(problem!);
		expect(truth.draw(4, [0, 'ab'])).toBeUndefined();
	});
});
