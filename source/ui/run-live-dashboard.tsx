// The live view's shell: the alternate screen in and out, resizes, quitting with the right exit
// code, and the terminal given back whatever happens: on q, on Ctrl+C, on SIGINT/SIGTERM and on
// a crash (raw mode off, cursor shown, normal screen; then the error goes on, exit 1).

// First, before Ink is loaded (see the module).
import './ignore-ci-variables.js';
import process from 'node:process';
import {render} from 'ink';
import type {EngineLink} from '../engine/engine-link.js';
import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {createScreenStream, type TerminalStream} from './create-screen-stream.js';
import {LiveDashboard} from './live-dashboard.js';
import {patchInkOutput} from './patch-ink-output.js';
import {createManualSizeSource, readSize} from './size-source.js';
import {CLEAR_SCREEN, enterFullScreen, restoreTerminal} from './terminal-modes.js';

export type LiveDashboardOptions = {
	/** Writes a snapshot and resolves with the file name the status line shows. */
	saveSnapshot: (document: SnapshotDocument) => Promise<string>;
	/** For tests: the terminal streams (process.stdout, process.stdin by default). */
	stdout?: TerminalStream;
	stdin?: NodeJS.ReadStream;
	stderr?: NodeJS.WriteStream;
	/** For tests: leave process-wide signal and crash handlers alone. */
	handleProcessEvents?: boolean;
	/** For `npm run bench`: Ink's own time to draw each frame. */
	onRender?: (metrics: {renderTime: number}) => void;
	/** Told once the first frame is on the screen (the app's start is over). */
	onStarted?: () => void;
};

const exitCodes: Partial<Record<NodeJS.Signals, number>> = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129};

/** A failed read or write that says the terminal is gone (its window closed, the connection dropped). */
const terminalGone = (error: unknown): boolean =>
	['EIO', 'EPIPE', 'ENXIO'].includes((error as NodeJS.ErrnoException | undefined)?.code ?? '');

/**
Ends the process as a hang-up ends one: by SIGHUP's default action (a shell sees 129). Not by
exiting: at exit Node sets the terminal's modes back, and on Node 20 that aborts with an assertion
and a native stack when the terminal is gone (tcsetattr fails with EIO; nodejs/node#51519, fixed
in Node 24 by #58200). Whoever else listens for SIGHUP hears it first: a snapshot being written
removes its temp file (write-file-atomically.ts).
*/
const endByHangUp = (): never => {
	const others = process.listeners('SIGHUP');
	process.removeAllListeners('SIGHUP');
	for (const listener of others) {
		try {
			listener('SIGHUP');
		} catch {
			// Ending anyway.
		}
	}

	process.removeAllListeners('SIGHUP');
	process.kill(process.pid, 'SIGHUP');
	// The signal is delivered as kill returns; this is never reached.
	return process.exit(129);
};

/** Resolves with the exit code: 0 on q, 130 on Ctrl+C (and SIGINT), 143 on SIGTERM. */
export const runLiveDashboard = async (engine: EngineLink, options: LiveDashboardOptions): Promise<number> => {
	const stdout = options.stdout ?? process.stdout;
	const stdin = options.stdin ?? process.stdin;
	const patch = await patchInkOutput();
	const handleProcessEvents = options.handleProcessEvents ?? true;
	const sizeSource = createManualSizeSource(readSize(stdout));
	let exitCode = 0;
	let restored = false;
	const restore = () => {
		if (!restored) {
			restored = true;
			restoreTerminal(stdout, stdin);
		}
	};

	enterFullScreen(stdout);
	const screen = createScreenStream(stdout);
	const instance = render(
		<LiveDashboard
			engine={engine}
			saveSnapshot={options.saveSnapshot}
			sizeSource={sizeSource}
			onQuit={(code) => {
				exitCode = code;
			}}
		/>,
		{
			stdout: screen.stream,
			stdin,
			stderr: options.stderr ?? process.stderr,
			exitOnCtrlC: false,
			patchConsole: false,
			...(options.onRender ? {onRender: options.onRender} : {}),
		},
	);

	// Ink drew the first frame as it rendered (its first render is synchronous).
	options.onStarted?.();

	// A resize clears the screen and Ink's memory of it first, then relayouts at the new size.
	const onResize = () => {
		const size = readSize(stdout);
		const current = sizeSource.get();
		if (size.columns !== current.columns || size.rows !== current.rows) {
			instance.clear();
			stdout.write(CLEAR_SCREEN);
			screen.reset();
			sizeSource.set(size);
		}
	};

	const onSignal = (signal: NodeJS.Signals) => {
		exitCode = exitCodes[signal] ?? 1;
		instance.unmount();
	};

	const onCrash = (error: unknown) => {
		if (terminalGone(error)) {
			// Nothing to give back, nowhere to say so.
			endByHangUp();
		}

		restore();
		const message = error instanceof Error ? error.message : String(error);
		process.stderr.write(`kmtop: internal error: ${message}\n`);
		if ((process.env.DEBUG ?? '').split(',').includes('kmtop') && error instanceof Error) {
			process.stderr.write(`${error.stack}\n`);
		}

		process.exit(1);
	};

	const processHandlers = [
		['SIGINT', onSignal],
		['SIGTERM', onSignal],
		['SIGHUP', onSignal],
		['uncaughtException', onCrash],
		['unhandledRejection', onCrash],
	] as const;
	stdout.on('resize', onResize);
	if (handleProcessEvents) {
		for (const [event, handler] of processHandlers) {
			process.on(event, handler);
		}
	}

	try {
		await instance.waitUntilExit();
		return exitCode;
	} finally {
		stdout.off('resize', onResize);
		if (handleProcessEvents) {
			for (const [event, handler] of processHandlers) {
				process.off(event, handler);
			}
		}

		// Also when the app failed (an error in a panel): the error then goes on to the CLI.
		restore();
		// DEBUG=kmtop: whether Ink drew through the patch, which only shows in speed (a test runs the
		// shipped bundle this way: there the patch must reach the Output class the bundled Ink uses).
		if ((process.env.DEBUG ?? '').split(',').includes('kmtop')) {
			(options.stderr ?? process.stderr).write(
				patch.applied
					? `kmtop: Ink's Output patch applied: ${patch.rows.thisFrame.size} rows of the last frame drawn through it\n`
					: `kmtop: Ink's Output patch not applied: ${patch.reason}\n`,
			);
		}

		if (handleProcessEvents && exitCode === exitCodes.SIGHUP) {
			// The terminal hung up, or may have: it was given back above if it is still there.
			endByHangUp();
		}
	}
};
