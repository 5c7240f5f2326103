// The stdout Ink writes to: the real one, minus its 'resize' events, with frames turned into line
// updates (diff-frames.ts). Ink 6.8 reacts to a resize by redrawing the old tree at the new width
// before the app can relayout, which garbles the screen; the shell handles resizes itself
// (clear, then relayout) and Ink never hears of them.
//
// Ink brackets each frame in synchronized-output codes, three writes in a row (the begin code,
// the frame, the end code): each a system call into the terminal, the two codes 8 bytes each.
// They go out as one write (measured under a pseudo-terminal, pinned to one core: 78-162 µs of
// CPU a frame as three writes, 54-79 µs as one), the same bytes in the same order.

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

/** Ink's synchronized-output codes (ink/build/write-synchronized.js: bsu, esu). */
const BEGIN_SYNC = '\u001B[?2026h';
const END_SYNC = '\u001B[?2026l';

export const createScreenStream = (stdout: TerminalStream): ScreenStream => {
	const differ = createFrameDiffer();
	/** What came since a begin code, held for its end code; written at the latest when this turn of the event loop's code is done. */
	let held: string | undefined;
	const flush = () => {
		if (held !== undefined) {
			const text = held;
			held = undefined;
			stdout.write(text);
		}
	};

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
			const text = typeof chunk === 'string' ? differ.translate(chunk) : chunk;
			if (typeof text === 'string' && rest.length === 0) {
				if (held !== undefined) {
					held += text;
					if (text === END_SYNC) {
						flush();
					}

					return true;
				}

				if (text === BEGIN_SYNC) {
					held = text;
					queueMicrotask(flush);
					return true;
				}
			}

			flush();
			return stdout.write(text, ...rest);
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
