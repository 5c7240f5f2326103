// The terminal states the live view changes and must give back: the alternate screen (so the
// user's scrollback is untouched and comes back on quit), the cursor, raw mode and the mouse
// (xterm's button reports in SGR form: a click and the wheel; the terminal's own selection is
// still there with Shift held, as under htop).

export const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h';
export const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';
export const SHOW_CURSOR = '\u001B[?25h';
export const HIDE_CURSOR = '\u001B[?25l';
/** Report presses, releases and the wheel (1000), in SGR form (1006: any column, unambiguous). */
export const ENABLE_MOUSE = '\u001B[?1000h\u001B[?1006h';
export const DISABLE_MOUSE = '\u001B[?1006l\u001B[?1000l';
/** Erase the screen and home the cursor (not the scrollback: the alternate screen has none). */
export const CLEAR_SCREEN = '\u001B[2J\u001B[H';

type Writable = {write(text: string): unknown};
type RawModeStream = {isTTY?: boolean; setRawMode?(mode: boolean): unknown};

export const enterFullScreen = (stdout: Writable): void => {
	stdout.write(ENTER_ALTERNATE_SCREEN + HIDE_CURSOR + ENABLE_MOUSE + CLEAR_SCREEN);
};

/**
Everything back as it was: raw mode off, the mouse reports off, the cursor shown, the normal
screen. Safe to call more than once and from a crash handler (each step is tried on its own).
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
		stdout.write(DISABLE_MOUSE + SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
	} catch {
		// Nothing more can be done for a closed terminal.
	}
};
