import {render} from 'ink-testing-library';
import {describe, expect, it, vi} from 'vitest';
import {PanelLines, samePanelLines} from '../../../source/ui/panels/panel-lines.js';
import {segment, type StyledLine} from '../../../source/view/styled-line.js';

// Counts the lines drawn: every render of a panel line paints it once.
let styledTextRenders = 0;
vi.mock('../../../source/ui/tone-style.js', async (importOriginal) => {
	const original = await importOriginal<typeof import('../../../source/ui/tone-style.js')>();
	return {
		...original,
		paintLine(...arguments_: Parameters<typeof original.paintLine>) {
			styledTextRenders++;
			return original.paintLine(...arguments_);
		},
	};
});

const lines = (): StyledLine[] => [[segment('heap '), segment('12.0 KiB', 'good')], [segment('log line', 'dim')]];

describe('PanelLines is drawn again only when its lines change', () => {
	it.each([
		['the same lines, new objects', {lines: lines(), width: 20}, true],
		['a text changed', {lines: [[segment('heap '), segment('12.5 KiB', 'good')], [segment('log line', 'dim')]], width: 20}, false],
		['a tone changed', {lines: [[segment('heap '), segment('12.0 KiB', 'warn')], [segment('log line', 'dim')]], width: 20}, false],
		['a segment split in two', {lines: [[segment('heap '), segment('12.0 ', 'good'), segment('KiB', 'good')], [segment('log line', 'dim')]], width: 20}, false],
		['a line more', {lines: [...lines(), [segment('x')]], width: 20}, false],
		['another width', {lines: lines(), width: 21}, false],
	])('%s: same = %s', (_, next, same) => {
		expect(samePanelLines({lines: lines(), width: 20}, next)).toBe(same);
	});

	it('a rerender with equal lines renders no line again; a changed line does', () => {
		const {lastFrame, rerender} = render(<PanelLines lines={lines()} width={20} />);
		expect(lastFrame()).toBe('heap 12.0 KiB\nlog line');
		expect(styledTextRenders).toBe(2);
		rerender(<PanelLines lines={lines()} width={20} />);
		expect(styledTextRenders).toBe(2);
		rerender(<PanelLines lines={[[segment('heap 13.0 KiB')], [segment('log line')]]} width={20} />);
		expect(styledTextRenders).toBe(4);
		expect(lastFrame()).toBe('heap 13.0 KiB\nlog line');
		// One line of two changed: only that one is painted again.
		rerender(<PanelLines lines={[[segment('heap 14.0 KiB')], [segment('log line')]]} width={20} />);
		expect(styledTextRenders).toBe(5);
		expect(lastFrame()).toBe('heap 14.0 KiB\nlog line');
	});
});
