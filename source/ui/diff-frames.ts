// Turns Ink's whole-frame redraws into line updates at absolute positions. Ink's standard
// renderer erases the previous frame line by line and writes the new one (a blank screen for an
// instant on terminals without synchronized output), and its incremental mode (6.8) puts a frame
// that ends in a newline one row off. In the alternate screen the frame always starts at the top
// left, so the lines that changed can be written in place and nothing else is touched.

/** `eraseLines(n)` as Ink's log-update writes it before a frame (ansi-escapes). */
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const eraseLinesPrefix = /^\u001B\[2K(?:\u001B\[1A\u001B\[2K)*\u001B\[G/;
/** Ink's `clearTerminal` (for frames as high as the terminal, which kmtop never draws). */
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const clearTerminalPrefix = /^\u001B\[2J(?:\u001B\[3J)?\u001B\[H/;
/** Mode switches that are not frames: cursor visibility, synchronized output. */
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const modeSwitches = /^(?:\u001B\[\?[\d;]+[hl])+$/;

const moveTo = (row: number): string => `\u001B[${row};1H`;
const ERASE_TO_END = '\u001B[K';

export type FrameDiffer = {
	/** What to send to the terminal for one write of Ink's. */
	translate(chunk: string): string;
	/** Forget the screen (after it was cleared): the next frame is drawn whole. */
	reset: () => void;
};

export const createFrameDiffer = (): FrameDiffer => {
	let previous: string[] = [];
	return {
		translate(chunk) {
			if (chunk === '' || modeSwitches.test(chunk)) {
				return chunk;
			}

			let prefix = '';
			let text = chunk;
			const clear = clearTerminalPrefix.exec(text);
			if (clear) {
				prefix = clear[0];
				previous = [];
				text = text.slice(clear[0].length);
			}

			const erase = eraseLinesPrefix.exec(text);
			if (erase) {
				text = text.slice(erase[0].length);
			} else if (!clear && !text.endsWith('\n')) {
				// Not a frame (nothing else is written while the dashboard runs): pass it on.
				return chunk;
			}

			// The frame ends in a newline: split, less the empty string after it (replacing the newline
			// first copied the whole frame again).
			const lines = text === '' ? [] : text.split('\n');
			if (text.endsWith('\n')) {
				lines.pop();
			}

			let out = prefix;
			for (let index = 0; index < Math.max(lines.length, previous.length); index++) {
				const line = lines[index];
				if (line !== previous[index]) {
					out += moveTo(index + 1) + (line ?? '') + ERASE_TO_END;
				}
			}

			previous = lines;
			// The cursor rests below the frame, where Ink expects it.
			return out === prefix ? out : `${out}${moveTo(lines.length + 1)}`;
		},
		reset() {
			previous = [];
		},
	};
};
