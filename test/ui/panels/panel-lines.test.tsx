import chalk from 'chalk';
import fc from 'fast-check';
import {Box, Text} from 'ink';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {PanelLines, samePanelLines} from '../../../source/ui/panels/panel-lines.js';
import {paintLine} from '../../../source/ui/tone-style.js';
import {holderTones, lineWidth, segment, type StyledLine, type Tone} from '../../../source/view/styled-line.js';

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

const level = chalk.level;
afterEach(() => {
	chalk.level = level;
});

// The drawing PanelLines must match: each line painted and given to Ink as a text node of its own.
function NodePerLine({lines, width}: {lines: StyledLine[]; width: number}) {
	return (
		<Box flexDirection="column" width={width} flexShrink={0}>
			{lines.map((line, index) => (
				<Text key={index}>{line.some((part) => part.text !== '') ? paintLine(line, true) : ' '}</Text>
			))}
		</Box>
	);
}

const tones: Tone[] = ['plain', 'dim', 'bold', 'accent', 'good', 'warn', 'bad', 'flash', 'alarm', 'selected', ...holderTones];
const text = fc.array(fc.constantFrom('a', 'Z', ' ', '│', '─', '█', '▍', '░', '●', '·', '…', '7', '%', '⣿'), {maxLength: 12}).map((parts) => parts.join(''));
const styledLine = fc.array(fc.record({text, tone: fc.constantFrom(...tones)}), {maxLength: 4});

describe('PanelLines, one node for the block', () => {
	it('draws, colour on, the bytes a node per line draws: beside another panel, with blank lines, at any width that fits', () => {
		chalk.level = 3;
		let coloured = 0;
		fc.assert(
			fc.property(fc.array(styledLine, {maxLength: 8}), fc.array(styledLine, {maxLength: 8}), fc.nat(3), (left, right, spare) => {
				const width = (lines: StyledLine[]) => Math.max(1, ...lines.map((line) => lineWidth(line))) + spare;
				const ours = render(
					<Box>
						<PanelLines lines={left} width={width(left)} />
						<PanelLines lines={right} width={width(right)} />
					</Box>,
				);
				const inks = render(
					<Box>
						<NodePerLine lines={left} width={width(left)} />
						<NodePerLine lines={right} width={width(right)} />
					</Box>,
				);
				expect(ours.lastFrame()).toBe(inks.lastFrame());
				coloured += ours.lastFrame()!.includes('\u001B[') ? 1 : 0;
				ours.unmount();
				inks.unmount();
			}),
			{numRuns: 300},
		);
		expect(coloured).toBeGreaterThan(150);
	});
});
