// The bench's lines for measure-live-frame.tsx (a child process): a live frame's parts on the
// UI thread, the frame Ink draws whatever changed, and the engine thread's second at the defaults.

type FrameParts = {cpu: number; total: number; crossing: number; react: number; ink: number; layout: number; nodes: number; rows: number; write: number};

export type LiveFrame = {
	frames: number;
	frame: FrameParts;
	floor: FrameParts;
	frameCpuMean: number;
	floorCpuMean: number;
	bytesPerFrame: number;
	engine: {simulationMsPerSecond: number; copiesMsPerSecond: number; publishMsPerSecond: number; publishMedianMs: number};
};

const ms = (value: number) => value.toFixed(2);

/** Rows of [what, figure, note] for the bench's table. */
export const liveFrameRows = ({frame, floor, frameCpuMean, floorCpuMean, bytesPerFrame, engine}: LiveFrame): Array<[string, string, string]> => {
	const engineMs = engine.simulationMsPerSecond + engine.copiesMsPerSecond + engine.publishMsPerSecond;
	const uiPercent = (frameCpuMean * 4) / 10;
	return [
		[
			'live frame, defaults, 120×40: UI thread CPU',
			`${ms(frameCpuMean)} ms`,
			`${uiPercent.toFixed(1)} % of a core at 4 frames/s (the frames alone); ${Math.round(bytesPerFrame).toLocaleString('en-US')} bytes written a frame`,
		],
		[
			'  its parts (wall, median): crossing / React / Ink',
			`${ms(frame.crossing)} / ${ms(frame.react)} / ${ms(frame.ink)} ms`,
			'the document parsed; render and commit, the panels\' view functions; Ink below',
		],
		[
			'  Ink: layout / nodes / rows / diff and write',
			`${ms(frame.layout)} / ${ms(frame.nodes)} / ${ms(frame.rows)} / ${ms(frame.write)} ms`,
			'Yoga; the nodes drawn into an Output; Output#get (patched); log-update',
		],
		[
			'  a frame where only the tick moves',
			`${ms(floorCpuMean)} ms CPU`,
			`Ink ${ms(floor.ink)} ms of it (layout ${ms(floor.layout)}, nodes ${ms(floor.nodes)}, rows ${ms(floor.rows)}, write ${ms(floor.write)}): Ink's part of any frame`,
		],
		[
			'live engine thread, defaults: CPU a second',
			`${ms(engineMs)} ms`,
			`${(engineMs / 10).toFixed(1)} % of a core: simulation ${ms(engine.simulationMsPerSecond)}, time travel's copies and meters ${ms(engine.copiesMsPerSecond)}, publishing ${ms(engine.publishMsPerSecond)} (4 a second, ${ms(engine.publishMedianMs)} ms each)`,
		],
	];
};
