// Run in a child process of its own (NODE_ENV=production, as cli.js sets it): the live view on
// vmobject-churn at the default rate and refresh, drawing to a fake 120×40 terminal for a while;
// prints the process's CPU use over that time, and the cost of drawing one full frame.

import {EventEmitter} from 'node:events';
import {renderToString} from 'ink';
import {holdBackTurbofan} from '../source/engine/hold-back-turbofan.js';
import {limitMemoryReducer} from '../source/engine/limit-memory-reducer.js';
import {startLiveEngineThread} from '../source/engine/live-engine-thread.js';
import {DashboardScreen} from '../source/ui/dashboard-screen.js';
import {runLiveDashboard} from '../source/ui/run-live-dashboard.js';
import {FakeTerminal} from './fake-terminal.js';
import {readPeakRss} from './read-peak-rss.js';

const seconds = Number(process.argv[2] ?? 20);
const columns = 120;
const rows = 40;

class Keyboard extends EventEmitter {
	readonly isTTY = true;
	private pending: string | null = null;
	type(text: string): void {
		this.pending = text;
		this.emit('readable');
		this.emit('data', text);
	}

	read = (): string | null => {
		const text = this.pending;
		this.pending = null;
		return text;
	};

	setRawMode(): this {
		return this;
	}

	setEncoding(): this {
		return this;
	}

	ref(): this {
		return this;
	}

	unref(): this {
		return this;
	}

	resume(): this {
		return this;
	}

	pause(): this {
		return this;
	}
}

// As kmtop runs it: the process's V8 flags as the live command sets them before its engine starts
// (run-live-command.ts), the engine on its own thread, the UI here (CPU counts both threads).
holdBackTurbofan();
limitMemoryReducer();
const engine = await startLiveEngineThread({
	run: {seed: 1, revision: '2021-02-23', ramBytes: 512 * 1024 * 1024, debugAsserts: false},
	workload: {kind: 'builtin', name: 'vmobject-churn'},
	rate: 100,
	refreshMs: 250,
	advanceEveryMs: 33,
	tickTimeoutMs: 5000,
});
const terminal = new FakeTerminal(columns, rows);
const keyboard = new Keyboard();
const renderTimes: number[] = [];
const running = runLiveDashboard(engine, {
	onRender({renderTime}) {
		renderTimes.push(renderTime);
	},
	saveSnapshot: () => Promise.resolve('unused'),
	stdout: terminal,
	stdin: keyboard as unknown as NodeJS.ReadStream,
	handleProcessEvents: false,
});
// Warm up (modules compiled, first frames drawn, JIT settled), then measure.
const pause = async (ms: number) =>
	new Promise((resolve) => {
		setTimeout(resolve, ms);
	});
await pause(3000);
const cpuBefore = process.cpuUsage();
const started = performance.now();
const ticksBefore = engine.current().facts.liveTick;
const framesBefore = renderTimes.length;
await pause(seconds * 1000);
const cpu = process.cpuUsage(cpuBefore);
const elapsed = (performance.now() - started) / 1000;
keyboard.type('q');
await running;
const ticksAfter = engine.current().facts.liveTick;
const document = await engine.liveDocument();
await engine.close();

// Ink's own time per frame in the live run, and, for comparison, a whole frame from scratch
// (a fresh Ink instance, React tree and layout each time) as `--format text` draws it.
const frames = 40;
renderToString(<DashboardScreen document={document} facts={{rate: 100}} columns={columns} rows={rows} />, {columns});
const frameStarted = performance.now();
for (let frame = 0; frame < frames; frame++) {
	renderToString(<DashboardScreen document={document} facts={{rate: 100}} columns={columns} rows={rows} />, {columns});
}

const steady = renderTimes.slice(framesBefore).sort((a, b) => a - b);
process.stdout.write(
	`${JSON.stringify({
		seconds: elapsed,
		ticks: ticksAfter - ticksBefore,
		cpuPercentOfOneCore: ((cpu.user + cpu.system) / 1000 / 1000 / elapsed) * 100,
		bytesWritten: terminal.bytes,
		frames: steady.length,
		msPerFrameMedian: steady[Math.floor(steady.length / 2)] ?? 0,
		msPerFrameP95: steady[Math.floor(steady.length * 0.95)] ?? 0,
		msPerFrameFromScratch: (performance.now() - frameStarted) / frames,
		peakRssBytes: readPeakRss(),
	})}\n`,
);
