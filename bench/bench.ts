// `npm run bench` (issue #7): generates its traces in-process, runs each target and prints a
// table, or with --json one JSON object. A benchmark, not a test: figures and ratios against
// baselines run in the same process on the same trace, never timed assertions.

import {execFileSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {measureChunkMap} from './measure-chunk-map.js';
import {measureSnapshotStart, measureWorkloads} from './measure-engine.js';
import {liveFrameRows, type LiveFrame} from './measure-live-frame-rows.js';
import {measureLiveStarts, type CpuWindow} from './measure-live-start.js';
import {measureLiveTravel} from './measure-live-travel.js';
import {generateTrace} from './generate-trace.js';
import {measureInkFloor} from './measure-ink-floor.js';
import {measureGrowth, measureKernel} from './measure-kernel.js';
import {measurePublicPath} from './measure-public-path.js';
import {explainedRows} from './explain-sweep-ratio.js';
import {showAgainstGoal} from './show-against-goal.js';
import {measureLongSweep, measureSweep} from './measure-sweep.js';
import {traceRows, type TraceMeasure} from './measure-trace.js';
import {formatSoak, runSoak} from './soak-live-view.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const README_START = '<!-- npm run bench -- --readme: from here -->';
const README_END = '<!-- to here -->';
const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const say = (text: string) => {
	if (!json) {
		process.stderr.write(`${text}\n`);
	}
};

// --soak: only the soak run (10 minutes; --soak-seconds N for a shorter one).
if (process.argv.includes('--soak')) {
	const at = process.argv.indexOf('--soak-seconds');
	const seconds = at === -1 ? 600 : Number(process.argv[at + 1]);
	say(`soak: the live view at --rate 100000 for ${seconds} s under a pseudo-terminal, RSS every 10 s...`);
	const soak = await runSoak(seconds);
	process.stdout.write(json ? `${JSON.stringify(soak, null, 2)}\n` : `${formatSoak(soak)}\n`);
	process.exit(soak.passed ? 0 : 1);
}

const child = (script: string, args: string[]): Record<string, number> =>
	JSON.parse(
		execFileSync(process.execPath, [path.join(here, script), ...args], {
			encoding: 'utf8',
			env: {...process.env, NODE_ENV: 'production', FORCE_COLOR: '3'},
			stdio: ['ignore', 'pipe', 'ignore'],
		}).trim().split('\n').at(-1)!,
	) as Record<string, number>;

const length = quick ? 200_000 : 1_000_000;
say(`kernel: ${length.toLocaleString('en-US')}-op trace, the kernel, the literal AK/Bitmap.h port and a plain scan...`);
const kernel = measureKernel(length);
say('public path: the same trace from a workload module through the facade, against the kernel direct...');
const publicPath = await measurePublicPath(generateTrace(length));
say('growth: the same replay at about 4, 32, 128 and 512 MiB...');
const growth = measureGrowth(length);
say('engine: ticks per second per workload, and kmtop snapshot --ticks 1...');
const workloads = await measureWorkloads(quick ? 1000 : 5000);
const snapshotStartSeconds = measureSnapshotStart();
// Alternating pairs of --jobs 1 and --jobs 2 (the line takes about 31 s): one of each swung
// from ×1.37 to ×1.75 between two benches of the same code.
const sweepPairs = 3;
say(`sweep: the same ${quick ? 8 : 80} runs on 1 and on 2 worker threads, ${sweepPairs} alternating pairs...`);
const sweep = await measureSweep(quick ? 4 : 40, quick ? 4000 : 8000, sweepPairs);
// The same sweep 7.5 times as long (600 runs): the ratio grows with a sweep's length as what each
// worker pays once spreads over more runs. Two pairs took 61.5 s at a quiet moment (×1.69), 160 to
// 180 s with the machine busy (2026-12-01); 1..300 is as long as the bench can spare for it.
const longSeeds = quick ? 16 : 300;
say(`sweep, longer: the same sweep with --seeds 1..${longSeeds}, 2 alternating pairs...`);
const longSweep = await measureLongSweep(longSeeds, quick ? 4000 : 8000, 2);
const traceLines = quick ? 200_000 : 1_000_000;
say(`trace: a ${traceLines.toLocaleString('en-US')}-line ftrace capture read and replayed, plain and gzipped, and read as before...`);
const trace = child('child-trace.js', [String(traceLines)]) as unknown as TraceMeasure;
say('chunk map: the pool\'s subheap document and an 80×50 map of it...');
const chunkMap = await measureChunkMap(quick ? 50 : 200);
say('map frame: a whole 120×40 frame with the pool\'s Subheap #0 view open...');
const mapFrame = child('measure-map-frame.js', [String(quick ? 30 : 100)]);
say(`live view: ${quick ? 5 : 20} s of vmobject-churn drawing to a fake 120×40 terminal...`);
const liveView = child('child-live-view.js', [String(quick ? 5 : 20)]);
say(`live frame: where a 120×40 frame's time goes at the defaults, both threads (${quick ? 60 : 200} frames)...`);
const liveFrame = child('measure-live-frame.js', [String(quick ? 60 : 200)]) as unknown as LiveFrame;
const steadyFrom = quick ? 30 : 60;
const liveRuns = quick ? 1 : 3;
say(`live start: kmtop with its defaults under a pseudo-terminal, 120×40, its RSS and its CPU over ${quick ? 10 : 30} s from the start and from ${steadyFrom} s, ${liveRuns === 1 ? 'one run' : `${liveRuns} runs one after another, the median`}...`);
const liveStart = await measureLiveStarts(liveRuns, quick ? 10 : 30, steadyFrom, quick ? 10 : 30);
const floorSeconds = quick ? 10 : 30;
say(`Ink floor: a minimal Ink app drawing a comparable 120×40 frame 4 times a second under a pseudo-terminal, stock and as kmtop drives Ink, ${floorSeconds} s...`);
const inkFloor = await measureInkFloor(3, floorSeconds);
say('memory: peak RSS of the 50,000-live replay, alone in a process...');
const memory = child('child-peak-rss.js', ['50000']);
// --travel-ticks N: how far the time-travel line runs its session (10,000,000 by issue #16; long).
const travelAt = process.argv.indexOf('--travel-ticks');
const travelTicks = travelAt === -1 ? (quick ? 1_000_000 : 10_000_000) : Number(process.argv[travelAt + 1]);
say(`time travel: a live session's engine to tick ${travelTicks.toLocaleString('en-US')} with its copies, one step back at 1,000,000...`);
const travel = child('child-time-travel.js', [String(travelTicks)]);
say(`time travel in kmtop: the live view under a pseudo-terminal, \`g\` to tick ${travelTicks.toLocaleString('en-US')}, both threads' RSS...`);
const liveTravel = await measureLiveTravel(travelTicks);

const at8000 = kernel.kernel.opsPerSecond;
const at50000 = growth.find((entry) => entry.liveTarget === 50_000)!.opsPerSecond;
const result = {
	node: process.version,
	kernel: {...kernel, targetOpsPerSecond: 3_000_000},
	publicPath: {...publicPath, targetRatio: 2 / 3, targetOpsPerSecond: 2_400_000},
	growth: {series: growth, ratio50000To8000: at50000 / at8000, targetRatio: 0.5},
	engine: {workloads, snapshotStartSeconds, targetSnapshotStartSeconds: 0.4},
	sweep: {...sweep, targetSpeedup: 1.7},
	longSweep,
	trace,
	chunkMap: {...chunkMap, targetFrameMs: 10},
	mapFrame: {...mapFrame, targetFrameMs: 10},
	liveView: {...liveView, targetMsPerFrame: 5},
	liveFrame,
	liveStart: {...liveStart, targetCpuPercent: 3, targetRssAtStartBytes: 120 * 1024 * 1024},
	inkFloor,
	memory: {...memory, targetPeakRssBytes: 200 * 1024 * 1024},
	timeTravel: {...travel, targetRssBytes: 250e6, targetStepMs: 100},
	liveTravel: {...liveTravel, targetRssBytes: 250e6},
};

if (json) {
	process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
	const rows: Array<[string, string, string]> = [];
	const mops = (value: number) => `${(value / 1e6).toFixed(2)} M ops/s`;
	const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
	const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
	const liveWindow = ({from, to}: CpuWindow) => `${from.toFixed(0)}–${to.toFixed(0)} s`;
	const liveThreads = ({threads}: CpuWindow) => `${threads.ui.toFixed(2)} + ${threads.engine.toFixed(2)} + ${threads.helpers.toFixed(2)}`;
	const liveFaults = ({faults}: CpuWindow) =>
		`page faults ${[faults.ui, faults.engine, faults.helpers].map((count) => count.toLocaleString('en-US')).join(' + ')} (pages V8 touched afresh)`;
	/** The runs behind a median live window, in the order they ran. */
	const liveRunsSaid = (window: 'warm' | 'steady') =>
		liveStart.runs.length === 1
			? 'one run'
			: `the median of ${liveStart.runs.length} runs one after another: ${liveStart.runs.map((run) => run[window].cpuPercentOfOneCore.toFixed(1)).join(', ')} %`;
	const sweepCpu = ({total, workers, helpers, main}: typeof sweep.jobs1Cpu) =>
		workers === null ? `${total.toFixed(1)} in all` : `${workers.toFixed(1)} + ${helpers!.toFixed(1)} + ${main!.toFixed(1)}`;
	rows.push(
		['kernel, issue-7 trace (8,000 live)', `${showAgainstGoal(at8000 / 1e6, 2, {atLeast: 3})} M ops/s`, `${mark(at8000 >= 3e6)} (≥ 3 M)`],
		['  literal AK/Bitmap.h port, same trace', mops(kernel.literal.opsPerSecond), `kernel ×${kernel.ratios.overLiteral.toFixed(1)}`],
		['  plain word-level scan, same trace', mops(kernel.plain.opsPerSecond), `kernel ×${kernel.ratios.overPlain.toFixed(1)}`],
		[
			'  placements vs the literal port',
			`${kernel.placement.placements.toLocaleString('en-US')} checked`,
			kernel.placement.mismatch ?? 'all identical',
		],
		[
			'public workload API, same trace',
			`${showAgainstGoal(publicPath.publicPath.opsPerSecond / 1e6, 2, {atLeast: 2.4})} M ops/s`,
			`${mark(publicPath.publicPath.opsPerSecond >= 2.4e6)} (≥ 2.4 M)`,
		],
		[
			'  kernel direct, alternating with it',
			mops(publicPath.kernelDirect.opsPerSecond),
			`public ×${showAgainstGoal(publicPath.ratio, 2, {atLeast: 2 / 3})} ${mark(publicPath.ratio >= 2 / 3)} (≥ ×0.67)${publicPath.sameHeap ? ', same heap' : ', HEAPS DIFFER'}`,
		],
	);
	for (const entry of growth) {
		rows.push([`growth, ${entry.liveTarget.toLocaleString('en-US')} live (heap ${mib(entry.heapBytes)})`, mops(entry.opsPerSecond), `${entry.subheaps} subheaps`]);
	}

	rows.push(['  50,000 live vs 8,000 live', `×${showAgainstGoal(result.growth.ratio50000To8000, 2, {atLeast: 0.5})}`, `${mark(result.growth.ratio50000To8000 >= 0.5)} (≥ 0.5)`]);
	for (const [index, entry] of workloads.entries()) {
		const note = entry.halted ? `halted at ${entry.ticks}` : index === 0 ? 'each: the best of 3 or more warm runs from boot' : '';
		rows.push([`engine, ${entry.workload}`, `${Math.round(entry.ticksPerSecond).toLocaleString('en-US')} ticks/s`, note]);
	}

	rows.push(
		['kmtop snapshot --ticks 1', `${showAgainstGoal(snapshotStartSeconds * 1000, 0, {below: 400})} ms wall`, `${mark(snapshotStartSeconds < 0.4)} (< 400 ms)`],
		[
			`kmtop sweep, ${sweep.runs} runs, --jobs 2 vs 1`,
			`×${showAgainstGoal(sweep.speedup, 2, {atLeast: 1.7})}`,
			`${mark(sweep.speedup >= 1.7)} (≥ 1.7; median of ${sweep.pairs} alternating pairs, ×${sweep.speedupMin.toFixed(2)} to ×${sweep.speedupMax.toFixed(2)}${sweep.expectedSpeedup === null ? '' : `; ≈ ×${sweep.expectedSpeedup.toFixed(2)} on 2 free cores`}${sweep.rowsIdentical ? '' : '; ROWS DIFFER'})`,
		],
		[
			'  median wall, --jobs 1 / --jobs 2',
			`${sweep.jobs1Seconds.toFixed(1)} / ${sweep.jobs2Seconds.toFixed(1)} s`,
			`${sweep.pairs} runs of each${sweep.rowsIdentical ? ', rows identical in every sweep of this line' : '; ROWS DIFFER'}`,
		],
		[
			'  before its first worker / after its last row',
			`${sweep.beforeSeconds.jobs1.toFixed(2)} / ${sweep.afterSeconds.jobs1.toFixed(2)} s`,
			`--jobs 2: ${sweep.beforeSeconds.jobs2.toFixed(2)} / ${sweep.afterSeconds.jobs2.toFixed(2)} s (medians; Node, the bundle, the command line / the workers ended, rows written, exit)`,
		],
		...explainedRows(sweep.explained),
		[
			`  the same sweep, ${longSweep.runs} runs (--seeds 1..${longSeeds})`,
			`×${longSweep.ratio.toFixed(2)}`,
			`median of ${longSweep.pairs} alternating pairs, ×${longSweep.ratioMin.toFixed(2)} to ×${longSweep.ratioMax.toFixed(2)}; ${longSweep.aMedian.toFixed(1)} / ${longSweep.bMedian.toFixed(1)} s${longSweep.rowsIdentical ? '' : '; ROWS DIFFER'}`,
		],
		['  CPU s, medians: workers + V8 helpers + main', sweepCpu(sweep.jobs1Cpu), `--jobs 2: ${sweepCpu(sweep.jobs2Cpu)}; a core idle ${sweep.jobs2Cpu.tail.toFixed(2)} s at the end`],
		...(sweep.jobs1Cpu.workersWaiting !== null && sweep.jobs2Cpu.workersWaiting !== null
			? [
					[
						'  workers ready to run, no core free',
						`${sweep.jobs1Cpu.workersWaiting.toFixed(2)} s`,
						`--jobs 2: ${sweep.jobs2Cpu.workersWaiting.toFixed(2)} s (medians, summed over the workers: the run queue's delay, /proc schedstat)`,
					] as [string, string, string],
				]
			: []),
		[
			'  two --jobs 1 sweeps of half the seeds at once',
			`${sweep.separateSeconds.toFixed(1)} s`,
			`×${sweep.separateAllow.toFixed(2)} of --jobs 1's median: what two separate processes give for the same runs (one try)`,
		],
		...(sweep.pinnedSeconds && sweep.coresAllow !== null
			? [
					[
						'  --jobs 1 pinned to each core',
						`${sweep.pinnedSeconds.map((seconds) => seconds.toFixed(1)).join(' / ')} s`,
						`at most ×${sweep.coresAllow.toFixed(2)} from both cores, each at its own speed`,
					] as [string, string, string],
				]
			: []),
		...traceRows(trace, mark),
		[`chunk map, pool document (${chunkMap.blocks.toLocaleString('en-US')} blocks)`, `${chunkMap.buildMs.toFixed(2)} ms`, `snapshot document ${chunkMap.snapshotMs.toFixed(2)} ms`],
		['  80×50 map: styled lines / painted', `${chunkMap.renderMs.toFixed(2)} / ${chunkMap.paintMs.toFixed(2)} ms`, `document + map ${chunkMap.totalMs.toFixed(2)} ms, ${Math.round(chunkMap.totalMs * 10)}% of the 10 ms frame goal`],
		['  with holder ids: document / map painted', `${chunkMap.holderBuildMs.toFixed(2)} / ${chunkMap.holderRenderMs.toFixed(2)} ms`, ''],
		[
			'frame with Subheap #0 open, 120×40',
			`${showAgainstGoal(mapFrame.mapFrameMs!, 2, {below: 10})} ms`,
			`${mark(mapFrame.mapFrameMs! < 10)} (< 10 ms; p95 ${mapFrame.mapFrameP95Ms!.toFixed(2)}); panels ${mapFrame.panelsFrameMs!.toFixed(2)} ms, document (engine) ${mapFrame.subheapDocumentMs!.toFixed(2)} ms`,
		],
		['  the same, documents new each frame', `${showAgainstGoal(mapFrame.mapRefreshFrameMs!, 2, {below: 10})} ms`, `${mark(mapFrame.mapRefreshFrameMs! < 10)} (< 10 ms; p95 ${mapFrame.mapRefreshFrameP95Ms!.toFixed(2)})`],
		['live view frame at 120×40 (Ink, median / p95)', `${showAgainstGoal(liveView.msPerFrameMedian!, 1, {atMost: 5})} / ${liveView.msPerFrameP95!.toFixed(1)} ms`, `${mark(liveView.msPerFrameMedian! <= 5)} (≤ 5 ms)`],
		...liveFrameRows(liveFrame),
		[`kmtop live, defaults: CPU, ${liveWindow(liveStart.warm)}`, `${showAgainstGoal(liveStart.warm.cpuPercentOfOneCore, 1, {atMost: 3})} % of a core`, `${mark(liveStart.warm.cpuPercentOfOneCore <= 3)} (≤ 3 %; while V8 compiles what turned hot; ${liveRunsSaid('warm')})`],
		['  CPU s: UI + engine + helpers (V8, libuv)', liveThreads(liveStart.warm), liveFaults(liveStart.warm)],
		[`  the same, ${liveWindow(liveStart.steady)}`, `${showAgainstGoal(liveStart.steady.cpuPercentOfOneCore, 1, {atMost: 3})} % of a core`, `${mark(liveStart.steady.cpuPercentOfOneCore <= 3)} (≤ 3 %; a kmtop left running; ${liveRunsSaid('steady')})`],
		['  CPU s: UI + engine + helpers (V8, libuv)', liveThreads(liveStart.steady), liveFaults(liveStart.steady)],
		[
			'Ink alone, a comparable 120×40 frame, 4/s',
			`${inkFloor.kmtop.msPerFrame.toFixed(2)} ms CPU`,
			`${((inkFloor.kmtop.msPerFrame * 4) / 10).toFixed(1)} % of a core: 37 rows, 16 new a frame, drawn as kmtop draws them (a node per block, its Output patch and line diffs), no view code: Ink's part of kmtop's frame, ${inkFloor.kmtop.frames} frames`,
		],
		['  the same frame in stock Ink, a <Text> per row', `${inkFloor.stock.msPerFrame.toFixed(2)} ms CPU`, `${((inkFloor.stock.msPerFrame * 4) / 10).toFixed(1)} % of a core`],
		['kmtop live: first frame / RSS at start', `${liveStart.firstFrameSeconds.toFixed(2)} s / ${mib(liveStart.rssAtStartBytes)}`, `${mark(liveStart.rssAtStartBytes <= 120 * 2 ** 20)} (≤ 120 MiB)`],
		['peak RSS, 50,000-live replay', mib(memory.peakRssBytes!), `${mark(memory.peakRssBytes! < 200 * 2 ** 20)} (< 200 MiB)`],
		// Not the goal's line (the live session is, below): a plain process sizes V8's heap its own
		// way (a young generation of 16 MiB a half-space where kmtop's engine worker has 8 MB), so
		// it reads higher than the whole app. It says where the engine's memory is.
		[`time travel, the engine alone at tick ${travel.ticks!.toLocaleString('en-US')}`, mib(travel.rssBytes!), `RSS of a plain process, V8's default heap, no UI thread (${travel.halted ? 'halted by its panic there; ' : ''}${travel.checkpoints} copies, ${mib(travel.checkpointBytes!)} of ${mib(travel.checkpointBudgetBytes!)}; the kernel ${mib(travel.kernelBytes!)} running, its newest copy ${mib(travel.newestCopyBytes!)} stored)`],
		[`  one step back at tick ${travel.stepAt!.toLocaleString('en-US')}, paused`, `${showAgainstGoal(travel.firstStepMs!, 0, {below: 100})} ms`, `${mark(travel.firstStepMs! < 100)} (< 100 ms; made ready in ${travel.prepareMs!.toFixed(0)} ms of pause; the nine after: median ${travel.medianStepMs!.toFixed(0)}, max ${travel.maxStepMs!.toFixed(0)} ms)`],
		['  the same, the instant the present stops', `${travel.coldStepMs!.toFixed(0)} ms`, 'a re-run from the nearest copy'],
		[
			`time travel, kmtop's RSS at tick ${(liveTravel.panicTick ?? liveTravel.target).toLocaleString('en-US')}`,
			mib(liveTravel.rssBytes),
			`${mark(liveTravel.rssBytes < 250e6)} (< 250 MB = 238 MiB; the app under a pseudo-terminal, UI and engine threads, \`g\` ${liveTravel.target.toLocaleString('en-US')} from tick 0${liveTravel.panicTick === undefined ? '' : ', halted by its panic there'}; ${liveTravel.seconds.toFixed(0)} s; peak ${mib(liveTravel.peakRssBytes)})`,
		],
	);
	const width = Math.max(...rows.map((row) => row[0].length));
	const second = Math.max(...rows.map((row) => row[1].length));
	const table = rows.map(([name, value, note]) => `${name.padEnd(width)}  ${value.padStart(second)}  ${note}`.trimEnd()).join('\n');
	process.stdout.write(`${table}\n`);
	// --readme: the README's Performance table is this run's.
	if (process.argv.includes('--readme')) {
		const readmePath = path.join(here, '..', '..', 'README.md');
		const readme = readFileSync(readmePath, 'utf8');
		const start = readme.indexOf(README_START);
		const end = readme.indexOf(README_END);
		if (start === -1 || end < start) {
			throw new Error(`README.md has no ${README_START} … ${README_END} block`);
		}

		const measured = `Measured on ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}${quick ? ', --quick' : ''}:`;
		writeFileSync(readmePath, `${readme.slice(0, start + README_START.length)}\n${measured}\n\n\`\`\`\n${table}\n\`\`\`\n${readme.slice(end)}`);
		say('README.md: the Performance table is this run\'s');
	}
}
