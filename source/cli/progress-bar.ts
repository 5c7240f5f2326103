// A headless run's progress on a terminal's stderr: ticks (or a sweep's runs) done of the total,
// the rate and, if asked, the time left (or any label, with a bar when the fraction done is known:
// a trace replay shows its events), drawn in place once the run has taken more than about a
// second; nothing when stderr is not a terminal (a pipe or a file gets only the result).

export type ProgressStream = {isTTY?: boolean; columns?: number; write(text: string): unknown};

export type ProgressOptions = {
	/** What is counted (default: ticks), and its rate (default: t/s). */
	unit?: string;
	rateUnit?: string;
	/** Show the time left at the rate so far. */
	timeLeft?: boolean;
};

// `42s`, `3m05s`, `1h02m`: short, and it counts down a digit at a time.
export const formatTimeLeft = (seconds: number): string => {
	const whole = Math.ceil(seconds);
	const two = (value: number) => String(value).padStart(2, '0');
	if (whole < 60) {
		return `${whole}s`;
	}

	return whole < 3600 ? `${Math.floor(whole / 60)}m${two(whole % 60)}s` : `${Math.floor(whole / 3600)}h${two(Math.floor(whole / 60) % 60)}m`;
};

// Whole numbers, but a slow rate (a few runs a second) keeps one decimal.
const formatRate = (rate: number) => (rate < 10 ? rate.toFixed(1) : Math.round(rate).toLocaleString('en-US'));

const SHOW_AFTER_MS = 1000;

const drawBar = (fraction: number, width: number): string => {
	const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
	return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
};

/**
The line drawn in place: a bar (10 to 40 wide) and the label, never wider than the terminal
less one column. A line that wraps is redrawn by `\r` on its last row only: a trace replay's
label beside the bar is 62 columns, and at 60 every redraw left a row behind.
*/
export const formatProgressLine = (fraction: number | null, label: string, columns: number): string => {
	const room = Math.max(0, columns - 1);
	const line = fraction === null ? label : `${drawBar(fraction, Math.max(10, Math.min(40, columns - label.length - 5)))} ${label}`;
	return line.length <= room ? line : `${line.slice(0, Math.max(0, room - 1))}…`;
};

export class ProgressBar {
	private readonly stream: ProgressStream;
	private readonly total: number;
	private readonly started: number;
	private readonly options: Required<ProgressOptions>;
	private shown = false;

	constructor(stream: ProgressStream, total: number, now: number, options: ProgressOptions = {}) {
		this.stream = stream;
		this.total = total;
		this.started = now;
		this.options = {unit: 'ticks', rateUnit: 't/s', timeLeft: false, ...options};
	}

	update(done: number, now: number): void {
		// The label is not made for a line nobody sees: the first number formatted for 'en-US'
		// loads ICU's number format (~20 ms, on the main thread while a sweep's workers run).
		if (!this.visible(now)) {
			return;
		}

		const elapsed = now - this.started;
		const {unit, rateUnit, timeLeft} = this.options;
		const rate = (done * 1000) / Math.max(1, elapsed);
		const left = timeLeft ? `  ${done === 0 ? '?' : formatTimeLeft((this.total - done) / rate)} left` : '';
		this.show(done / Math.max(1, this.total), `${done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} ${unit}  ${formatRate(rate)} ${rateUnit}${left}`, now);
	}

	/** `label` after a bar filled to `fraction` (0 to 1), or alone when the fraction is not known. */
	show(fraction: number | null, label: string, now: number): void {
		if (!this.visible(now)) {
			return;
		}

		this.shown = true;
		this.stream.write(`\r${formatProgressLine(fraction, label, this.stream.columns ?? 80)}\u001B[K`);
	}

	private visible(now: number): boolean {
		return this.stream.isTTY === true && now - this.started >= SHOW_AFTER_MS;
	}

	done(): void {
		if (this.shown) {
			this.stream.write('\r\u001B[K');
		}
	}
}
