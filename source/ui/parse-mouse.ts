// The terminal's mouse reports in SGR mode (xterm's 1006: `ESC [ < b ; x ; y M`, `m` on release),
// which Ink's useInput hands over as `[<b;x;yM`, its escape stripped. Only what the live view uses:
// a press of the left button, and the wheel. Columns and rows come 1-based; these are 0-based.

export type MouseEvent =
	| {kind: 'click'; column: number; row: number}
	| {kind: 'wheel'; direction: 1 | -1; column: number; row: number}
	/** A report the view has no use for (other buttons, releases, drags). */
	| {kind: 'other'};

// eslint-disable-next-line no-control-regex -- a mouse report may keep its ESC
const report = /^\u001B?\[<(\d+);(\d+);(\d+)([Mm])$/;
/** Several reports in one read (the wheel turned fast): each one whole, nothing else between. */
// eslint-disable-next-line no-control-regex -- a mouse report may keep its ESC
const reports = /^(?:\u001B?\[<\d+;\d+;\d+[Mm])+$/;
// eslint-disable-next-line no-control-regex -- a mouse report may keep its ESC
const oneReport = /\u001B?\[<\d+;\d+;\d+[Mm]/g;

/** Button bits: 64 is the wheel, the low two bits the button; 4, 8 and 16 are Shift, Meta and Ctrl; 32 a drag. */
const WHEEL = 64;
const DRAG = 32;
const MODIFIERS = 4 | 8 | 16;

/** The mouse event in one report, or undefined when the input is not a mouse report. */
export const parseMouse = (input: string): MouseEvent | undefined => {
	const match = report.exec(input);
	if (!match) {
		return undefined;
	}

	const code = Number(match[1]);
	const column = Number(match[2]) - 1;
	const row = Number(match[3]) - 1;
	const pressed = match[4] === 'M';
	const button = code & ~MODIFIERS;
	if (pressed && (button === WHEEL || button === WHEEL + 1)) {
		return {kind: 'wheel', direction: button === WHEEL ? -1 : 1, column, row};
	}

	if (pressed && button === 0 && (code & DRAG) === 0) {
		return {kind: 'click', column, row};
	}

	return {kind: 'other'};
};

/** Every mouse event in a read of one or more reports; undefined when the read is not reports alone. */
export const parseMouseReports = (input: string): MouseEvent[] | undefined =>
	reports.test(input) ? [...input.matchAll(oneReport)].map((match) => parseMouse(match[0])!) : undefined;
