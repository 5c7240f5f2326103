// The `Subheap #N` view beside its words is drawn as two columns (the map's and the words'), so a
// scrolled map leaves the words' rows as they were. The screen must be the very one a single block
// of lines draws: every character and every colour code.

import chalk from 'chalk';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {SubheapScreen} from '../../../source/ui/panels/subheap-screen.js';
import {layoutSubheapView} from '../../../source/view/describe-subheap-view.js';
import {handSubheap} from '../../view/subheap-document-fixture.js';

const level = chalk.level;
afterEach(() => {
	chalk.level = level;
});

const document = handSubheap({size: 20_000, blocks: [[0, 100, 1], [150, 3, 2], [160, 4000, 3], [4200, 30, 4], [9000, 500]], holders: true, lastPlacedChunk: 4200});

describe('SubheapScreen in two columns', () => {
	it.each([0, 1, 7])('scrolled to map row %i, colour on: the same screen as one block of lines', (top) => {
		chalk.level = 3;
		const layout = layoutSubheapView(document, {width: 116, height: 36, top});
		expect(layout.columns).toEqual({line: 1, width: 68});
		const apart = render(<SubheapScreen id={1} width={120} height={38} layout={layout} />);
		const together = render(<SubheapScreen id={1} width={120} height={38} layout={{...layout, columns: undefined}} />);
		const frame = apart.lastFrame()!;
		expect(frame).toBe(together.lastFrame());
		expect(frame.split('\n')).toHaveLength(38);
		// Coloured by holder, and the map's rows in their place: the address at column 2.
		expect(frame).toMatch(/\u001B\[38;5;\d+m⣿/);
		expect(frame.split('\n')[2]!.replaceAll(/\u001B\[[\d;]*m/g, '').slice(0, 11)).toBe(`│ ${(0xc080_1020 + top * 384 * 32).toString(16)} `);
		apart.unmount();
		together.unmount();
	});
});
