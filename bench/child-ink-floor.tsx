// Run under a pseudo-terminal by measure-ink-floor.ts: a minimal Ink app drawing a framed 120×39
// block of coloured rows (ink-floor-frame.ts) 4 times a second, its main thread's CPU per frame
// written to the file named by argv[2]. As argv[3] says:
// - `stock`: the plain way, a <Text> per row (three nodes each), stock Ink;
// - `kmtop`: the rows as kmtop's panels draw them (panel-lines.tsx: one text node, the painted
//   rows put in by <Transform>), with kmtop's Output#get patch and line-diffing stream. No view
//   functions and a React tree of a few nodes: what Ink does per frame there, kmtop cannot avoid.

import {writeFileSync} from 'node:fs';
import process from 'node:process';
import chalk from 'chalk';
import {Box, render, Text, Transform} from 'ink';
import {createScreenStream} from '../source/ui/create-screen-stream.js';
import {patchInkOutput} from '../source/ui/patch-ink-output.js';
import {FLOOR_ROWS, floorRow} from './ink-floor-frame.js';
import {sleep, statCpuSeconds} from './spawn-kmtop.js';

const [, , resultFile, mode = 'stock', warmArgument = '3', secondsArgument = '10'] = process.argv;
const kmtop = mode === 'kmtop';

/** The main thread's CPU seconds (user + system). */
const mainThreadSeconds = (): number => statCpuSeconds(`/proc/self/task/${process.pid}/stat`);

function FloorFrame({frame}: {frame: number}) {
	return (
		<Box flexDirection="column" width={120} height={39} borderStyle="single">
			{Array.from({length: FLOOR_ROWS}, (_, row) => {
				const {label, figure} = floorRow(frame, row);
				return (
					<Text key={row}>
						<Text color="cyan">{label}</Text>
						<Text bold={row % 3 === 0}>{figure}</Text>
					</Text>
				);
			})}
		</Box>
	);
}

/** The rows painted, and Ink's placeholder for them (one line as wide, the rest empty): panel-lines.tsx. */
function FloorBlock({frame}: {frame: number}) {
	const painted = Array.from({length: FLOOR_ROWS}, (_, row) => {
		const {label, figure} = floorRow(frame, row);
		return chalk.cyan(label) + (row % 3 === 0 ? chalk.bold(figure) : figure);
	});
	const placeholder = 'x'.repeat(116) + '\n'.repeat(FLOOR_ROWS - 1);
	return (
		<Box flexDirection="column" width={120} height={39} borderStyle="single">
			<Transform transform={(_, index) => painted[index] ?? ''}>
				<Text>{placeholder}</Text>
			</Transform>
		</Box>
	);
}

const Frame = kmtop ? FloorBlock : FloorFrame;
if (kmtop) {
	const patch = await patchInkOutput();
	if (!patch.applied) {
		throw new Error(`kmtop's Ink patch did not apply: ${patch.reason}`);
	}
}

const stdout = kmtop ? createScreenStream(process.stdout).stream : process.stdout;
let frame = 0;
const instance = render(<Frame frame={frame} />, {stdout, patchConsole: false, exitOnCtrlC: false});
const timer = setInterval(() => {
	frame++;
	instance.rerender(<Frame frame={frame} />);
}, 250);
await sleep(Number(warmArgument) * 1000);
const [cpuBefore, frameBefore] = [mainThreadSeconds(), frame];
await sleep(Number(secondsArgument) * 1000);
const [cpu, frames] = [mainThreadSeconds() - cpuBefore, frame - frameBefore];
clearInterval(timer);
instance.unmount();
writeFileSync(resultFile!, JSON.stringify({mode, frames, cpuSeconds: cpu, msPerFrame: (cpu * 1000) / frames}));
process.exit(0);
