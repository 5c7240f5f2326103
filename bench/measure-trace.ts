// Trace replay throughput (issue 14, item 2): lines per second on an ftrace capture generated here
// (a kmalloc/kfree mix around a live set, the call sites and tasks of a real capture), plain and
// gzipped. Goals: 1 M lines/s for text, 0.5 M for gzip, for the read path:
//
// - read: what a replay of a file reads, its counting pass then reading and parsing every line
//   into records (trace-workload.ts, read-trace-events.ts), the goal's figure;
// - replay: the whole trace workload as a snapshot run drives it, minus the simulated heap: the
//   read path plus the tick queue and the replay's bookkeeping (live pointers, call sites, task
//   names), into a kernel that only hands out addresses;
// - baseline: the reader as it was (readline, then the regular expressions of
//   test/reference/regex-trace-parsers.ts, one pass), on the same text, in the same run;
// - where the read's time goes, on the text: its counting pass alone, and the reading pass's floor,
//   the input cut into lines and matched by the common line's regular expression with nothing
//   built (no record, no batch): what a faster reading could save is the rest.

import {createReadStream, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {createInterface} from 'node:readline';
import {gzipSync} from 'node:zlib';
import {createRng} from '../source/engine/rng.js';
import {TraceCounter} from '../source/engine/trace/count-trace-events.js';
import {commonLineInText} from '../source/engine/trace/parse-ftrace-common.js';
import {TraceReader} from '../source/engine/trace/read-trace-events.js';
import {TraceTextReader} from '../source/engine/trace/read-trace-text.js';
import {LineSplitter, type LineRun} from '../source/engine/trace/split-trace-lines.js';
import {createTraceWorkload} from '../source/engine/trace/trace-workload.js';
import type {KernelFacade, WorkloadContext} from '../source/engine/workload-api.js';
import {regexParseFtraceLine} from '../test/reference/regex-trace-parsers.js';
import {mulberry32} from './generate-trace.js';
import {showAgainstGoal} from './show-against-goal.js';

export type LineRate = {lines: number; seconds: number; linesPerSecond: number};

export type TraceMeasure = {
	lines: number;
	textBytes: number;
	gzipBytes: number;
	readText: LineRate;
	readGzip: LineRate;
	replayText: LineRate;
	replayGzip: LineRate;
	baselineText: LineRate;
	/** The read's counting pass alone, and its reading pass's input and regular expression alone, on the text. */
	countText: LineRate;
	matchText: LineRate;
	targetTextLinesPerSecond: number;
	targetGzipLinesPerSecond: number;
};

const tasks = ['            bash-9453    [000] .....', '           <...>-9466    [001] .....', '    kworker/u4:1-123     [001] d..1.', '             tar-9470    [000] .....', '     Web Content-7788    [001] ...1.'];
const sites = ['tracepoint_add_func+0x10d/0x490', 'alloc_fdtable+0x84/0x140', 'seq_read_iter+0x38e/0x490', 'ext4_htree_store_dirent+0x34/0x120', 'load_elf_phdrs+0x49/0xc0', '__get_vm_area_node+0x80/0x140'];

/** `lines` ftrace events 3 µs apart after ftrace's own header: about 150 bytes a line. */
export const generateFtraceText = (lines: number, seed = 12_345): string => {
	const random = mulberry32(seed);
	const pick = <T>(values: T[]): T => values[Math.floor(random() * values.length)]!;
	const live: string[] = [];
	const parts = ['# tracer: nop\n#\n#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION\n'];
	let batch: string[] = [];
	for (let index = 0; index < lines; index++) {
		const microseconds = 583_000_000 + (index * 3);
		const time = `${Math.floor(microseconds / 1e6)}.${String(microseconds % 1e6).padStart(6, '0')}`;
		if (live.length === 0 || random() < (live.length < 8000 ? 0.6 : 0.4)) {
			const ptr = Math.floor(random() * 0xff_ff_ff_ff).toString(16).padStart(16, '0');
			live.push(ptr);
			const request = 8 + Math.floor(random() * 500);
			batch.push(`${pick(tasks)}   ${time}: kmalloc: call_site=${pick(sites)} ptr=${ptr} bytes_req=${request} bytes_alloc=${(request + 15) & ~15} gfp_flags=GFP_KERNEL node=-1 accounted=false`);
		} else {
			const victim = Math.floor(random() * live.length);
			const ptr = live[victim]!;
			live[victim] = live.at(-1)!;
			live.pop();
			batch.push(`${pick(tasks)}   ${time}: kfree: call_site=${pick(sites)} ptr=${ptr}`);
		}

		if (batch.length === 10_000) {
			parts.push(`${batch.join('\n')}\n`);
			batch = [];
		}
	}

	parts.push(batch.length === 0 ? '' : `${batch.join('\n')}\n`);
	return parts.join('');
};

/** A kernel that only hands out addresses: the replay's own cost, without the simulated heap's. */
const addressesOnly = (): KernelFacade => {
	let next = 0xc080_0000;
	const facade: Partial<KernelFacade> = {
		kmalloc(size) {
			const address = next;
			next += Math.max(16, size);
			return address;
		},
		kfree() {
			// Nothing to give back.
		},
		asProcess: (_process, fn) => fn(),
	};
	return facade as KernelFacade;
};

/** The trace workload from its creation (the counting pass) to its last event, driven as a snapshot run drives it. */
const replayFile = async (file: string): Promise<number> => {
	const workload = await createTraceWorkload(file, {size: 'req', msPerTick: null, strict: false});
	const kernel = addressesOnly();
	const context: WorkloadContext = {tick: 0, rng: createRng(1), state: {}};
	workload.setup?.(kernel, context);
	for (let tick = 1; !workload.finished; tick++) {
		while (!workload.isReady(tick)) {
			await workload.prepare(tick);
		}

		workload.tick(kernel, {...context, tick});
	}

	return workload.progress().linesRead;
};

/** The counting pass, then every line read and parsed into records (which are dropped). */
const readFile = async (file: string): Promise<number> => {
	const counter = new TraceCounter(file);
	await counter.step();
	counter.close();
	const reader = new TraceReader(file);
	while (await reader.nextBatch() !== undefined) {
		// Records are dropped: only reading and parsing is measured.
	}

	return reader.lineNumber;
};

/** The counting pass alone. */
const countFile = async (file: string): Promise<number> => {
	const counter = new TraceCounter(file);
	await counter.step();
	counter.close();
	return counter.lineCount;
};

/** The common line's regular expression from `start`, a line after another, as the reader runs it, but nothing built. */
const matchRun = (text: string, start: number, run: LineRun): void => {
	let next = start;
	let lines = 0;
	for (;;) {
		commonLineInText.lastIndex = next;
		if (commonLineInText.exec(text) === null) {
			break;
		}

		next = commonLineInText.lastIndex;
		lines++;
	}

	run.lines = lines;
	run.end = next;
};

/** The reading pass's floor: its input, decoded and cut into lines as it is, each matched (a line that is not common is only cut). */
const matchFile = async (file: string): Promise<number> => {
	const lines = new LineSplitter({
		begin() {
			// Nothing to remember.
		},
		readRun: matchRun,
		lineAt() {
			// Comments and the header: not matched.
		},
		overlong() {
			// None in the capture.
		},
	});
	const text = new TraceTextReader(file, lines);
	while (await text.readChunk()) {
		// The splitter matches as it goes.
	}

	return lines.lineCount;
};

/** The reader as it was: readline and a regular expression a line. */
const readFileAsBefore = async (file: string): Promise<number> => {
	let lines = 0;
	for await (const line of createInterface({input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY})) {
		lines++;
		const trimmed = line.trim();
		if (trimmed !== '' && !trimmed.startsWith('#')) {
			regexParseFtraceLine(line);
		}
	}

	return lines;
};

/** Best of `runs` (after one run to warm up). */
const rate = async (read: () => Promise<number>, runs = 2): Promise<LineRate> => {
	let best = {lines: 0, seconds: Number.POSITIVE_INFINITY};
	for (let run = 0; run <= runs; run++) {
		const started = performance.now();
		const lines = await read();
		const seconds = (performance.now() - started) / 1000;
		if (run > 0 && seconds < best.seconds) {
			best = {lines, seconds};
		}
	}

	return {...best, linesPerSecond: best.lines / best.seconds};
};

export const measureTrace = async (lines: number): Promise<TraceMeasure> => {
	const directory = mkdtempSync(path.join(tmpdir(), 'kmtop-bench-trace-'));
	try {
		const text = Buffer.from(generateFtraceText(lines));
		const textFile = path.join(directory, 'capture.txt');
		const gzipFile = path.join(directory, 'capture.txt.gz');
		const gzipped = gzipSync(text);
		writeFileSync(textFile, text);
		writeFileSync(gzipFile, gzipped);
		return {
			lines,
			textBytes: text.length,
			gzipBytes: gzipped.length,
			readText: await rate(async () => readFile(textFile)),
			readGzip: await rate(async () => readFile(gzipFile)),
			replayText: await rate(async () => replayFile(textFile)),
			replayGzip: await rate(async () => replayFile(gzipFile)),
			baselineText: await rate(async () => readFileAsBefore(textFile), 1),
			countText: await rate(async () => countFile(textFile)),
			matchText: await rate(async () => matchFile(textFile)),
			targetTextLinesPerSecond: 1_000_000,
			targetGzipLinesPerSecond: 500_000,
		};
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}
};

const linesPerSecond = (value: number): string => `${(value / 1e6).toFixed(2)} M lines/s`;

const seconds = (rate: LineRate): string => `${rate.seconds.toFixed(2)} s`;

/** The table's rows: text and gzip against their goals, the whole replay, and the reader as it was. */
export const traceRows = (figures: TraceMeasure, mark: (ok: boolean) => string): Array<[string, string, string]> => [
	[
		'trace read, ftrace text (count, read, parse)',
		`${showAgainstGoal(figures.readText.linesPerSecond / 1e6, 2, {atLeast: figures.targetTextLinesPerSecond / 1e6})} M lines/s`,
		`${mark(figures.readText.linesPerSecond >= figures.targetTextLinesPerSecond)} (≥ 1 M)`,
	],
	[
		'trace read, same trace gzipped',
		`${showAgainstGoal(figures.readGzip.linesPerSecond / 1e6, 2, {atLeast: figures.targetGzipLinesPerSecond / 1e6})} M lines/s`,
		`${mark(figures.readGzip.linesPerSecond >= figures.targetGzipLinesPerSecond)} (≥ 0.5 M)`,
	],
	['  with the replay\'s queue and books, text / gz', `${(figures.replayText.linesPerSecond / 1e6).toFixed(2)} / ${linesPerSecond(figures.replayGzip.linesPerSecond)}`, 'no kernel'],
	['  the reader before (readline, regex), text', linesPerSecond(figures.baselineText.linesPerSecond), `read ×${(figures.readText.linesPerSecond / figures.baselineText.linesPerSecond).toFixed(1)}`],
	['  read, text: count pass + input and regex alone', `${seconds(figures.countText)} + ${seconds(figures.matchText)} of ${seconds(figures.readText)}`, `floor ${linesPerSecond(figures.lines / (figures.countText.seconds + figures.matchText.seconds))}`],
];
