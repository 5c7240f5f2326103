// The terminal states the live view changes and must give back: the alternate screen (so the
// user's scrollback is untouched and comes back on quit), the cursor and raw mode.

export const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h';
export const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';
export const SHOW_CURSOR = '\u001B[?25h';
export const HIDE_CURSOR = '\u001B[?25l';
/** Erase the screen and home the cursor (not the scrollback: the alternate screen has none). */
export const CLEAR_SCREEN = '\u001B[2J\u001B[H';

type Writable = {write(text: string): unknown};
type RawModeStream = {isTTY?: boolean; setRawMode?(mode: boolean): unknown};

export const enterFullScreen = (stdout: Writable): void => {
	stdout.write(ENTER_ALTERNATE_SCREEN + HIDE_CURSOR + CLEAR_SCREEN);
};

/**
Everything back as it was: raw mode off, the cursor shown, the normal screen. Safe to call more
than once and from a crash handler (each step is tried on its own).
*/
export const restoreTerminal = (stdout: Writable, stdin: RawModeStream): void => {
	try {
		if (stdin.isTTY) {
			stdin.setRawMode?.(false);
		}
	} catch {
		// The stream may already be closed; the screen still has to come back.
	}

	try {
		stdout.write(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
	} catch {
		// Nothing more can be done for a closed terminal.
	}
};
