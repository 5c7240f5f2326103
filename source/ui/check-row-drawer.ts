// The drawer's check against Ink's own get(), run once when the patch applies: if any row drawn
// from Ink's answers differs from what get() draws, the drawer is turned off (patch-ink-output.ts).

import type {createRowDrawer} from './draw-ink-row.js';

// Rows that exercise what the drawer relies on: styles opened, changed, stacked and closed in
// every way chalk writes them (bold and dim share their closing code, 256 and true colours,
// compound codes, resets), writes that touch, overlap, run past the width or start left of it,
// trailing spaces and kmtop's glyphs.
const checkRows: Array<[number, Array<number | string>]> = [
	[12, [0, '\u001B[1mab\u001B[22m', 2, '\u001B[1mcd\u001B[22m', 6, '\u001B[2mef\u001B[22m  ']],
	[10, [0, '\u001B[1m\u001B[2mab\u001B[22mc\u001B[1md', 5, 'xy \u001B[0mz']],
	[16, [0, '\u001B[38;5;39m██\u001B[38;5;170m▍░\u001B[39m─', 3, '\u001B[30m\u001B[43m\u001B[1mhi\u001B[22m\u001B[49m\u001B[39m']],
	[9, [-2, 'abcdef', 7, '\u001B[7m\u001B[1m│ long past the end\u001B[22m\u001B[27m']],
	[8, [0, '\u001B[1;31mab\u001B[38;2;1;2;3mcd\u001B[m  ', 1, '\u001B[36m·\u001B[39m']],
	[6, [0, '\u001B[91m\u001B[1m▁▂▄▅▇█']],
	[6, [3, '  ', 0, ' ']],
];

/** Whether the drawer draws exactly what get() draws on rows that use what it relies on; the difference if not. */
export const checkRowDrawer = (drawer: ReturnType<typeof createRowDrawer>): string | undefined => {
	for (const [width, writes] of checkRows) {
		const pairs: Array<[number, string]> = [];
		for (let index = 0; index < writes.length; index += 2) {
			pairs.push([writes[index] as number, writes[index + 1] as string]);
		}

		const expected = drawer.probe(width, pairs);
		const drawn = drawer.draw(width, writes);
		if (drawn !== expected) {
			return `a row drawn from Ink's answers differs from Output#get: ${JSON.stringify(drawn)} for ${JSON.stringify(expected)}`;
		}
	}

	return undefined;
};
