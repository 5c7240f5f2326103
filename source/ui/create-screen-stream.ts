// The stdout Ink writes to: the real one, minus its 'resize' events, with frames turned into line
// updates (diff-frames.ts). Ink 6.8 reacts to a resize by redrawing the old tree at the new width
// before the app can relayout, which garbles the screen; the shell handles resizes itself
// (clear, then relayout) and Ink never hears of them.

import {createFrameDiffer} from './diff-frames.js';

type Listener = (...arguments_: unknown[]) => void;

/** What the live view needs of a terminal's output (process.stdout, or a test's fake). */
export type TerminalStream = {
	columns?: number;
	rows?: number;
	isTTY?: boolean;
	writable?: boolean;
	write(chunk: string | Uint8Array, ...rest: unknown[]): boolean;
	on(event: string, listener: Listener): unknown;
	off(event: string, listener: Listener): unknown;
	once?(event: string, listener: Listener): unknown;
};

export type ScreenStream = {
	stream: NodeJS.WriteStream;
	/** The screen was cleared behind Ink's back: draw the next frame whole. */
	reset(): void;
};

export const createScreenStream = (stdout: TerminalStream): ScreenStream => {
	const differ = createFrameDiffer();
	const screen = {
		isTTY: true,
		get columns() {
			return stdout.columns;
		},
		get rows() {
			return stdout.rows;
		},
		get writable() {
			return stdout.writable;
		},
		write(chunk: string | Uint8Array, ...rest: unknown[]) {
			return stdout.write(typeof chunk === 'string' ? differ.translate(chunk) : chunk, ...rest);
		},
		on(event: string, listener: Listener) {
			if (event !== 'resize') {
				stdout.on(event, listener);
			}

			return screen;
		},
		off(event: string, listener: Listener) {
			if (event !== 'resize') {
				stdout.off(event, listener);
			}

			return screen;
		},
		once(event: string, listener: Listener) {
			if (event !== 'resize') {
				stdout.once?.(event, listener);
			}

			return screen;
		},
		removeListener(event: string, listener: Listener) {
			return screen.off(event, listener);
		},
	};
	return {stream: screen as unknown as NodeJS.WriteStream, reset: differ.reset};
};
