// A headless run's progress on a terminal's stderr: ticks done of the total and ticks per second
// (or any label, with a bar when the fraction done is known: a trace replay shows its events),
// drawn in place once the run has taken more than about a second; nothing when stderr is not a
// terminal (a pipe or a file gets only the result).

export type ProgressStream = {isTTY?: boolean; columns?: number; write(text: string): unknown};

const SHOW_AFTER_MS = 1000;

export class ProgressBar {
	private readonly stream: ProgressStream;
	private readonly total: number;
	private readonly started: number;
	private shown = false;

	constructor(stream: ProgressStream, total: number, now: number) {
		this.stream = stream;
		this.total = total;
		this.started = now;
	}

	update(done: number, now: number): void {
		const rate = Math.round((done * 1000) / Math.max(1, now - this.started));
		this.show(done / Math.max(1, this.total), `${done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} ticks  ${rate.toLocaleString('en-US')} t/s`, now);
	}

	/** `label` after a bar filled to `fraction` (0 to 1), or alone when the fraction is not known. */
	show(fraction: number | null, label: string, now: number): void {
		if (!this.stream.isTTY || now - this.started < SHOW_AFTER_MS) {
			return;
		}

		this.shown = true;
		const columns = this.stream.columns ?? 80;
		if (fraction === null) {
			this.stream.write(`\r${label.slice(0, Math.max(0, columns - 1))}\u001B[K`);
			return;
		}

		const width = Math.max(10, Math.min(40, columns - label.length - 5));
		const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
		this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${label}\u001B[K`);
	}

	done(): void {
		if (this.shown) {
			this.stream.write('\r\u001B[K');
		}
	}
}
