// A headless run's progress on a terminal's stderr: ticks done of the total and ticks per second,
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
		const elapsed = now - this.started;
		if (!this.stream.isTTY || elapsed < SHOW_AFTER_MS) {
			return;
		}

		this.shown = true;
		const rate = Math.round((done * 1000) / elapsed);
		const label = ` ${done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} ticks  ${rate.toLocaleString('en-US')} t/s`;
		const width = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - label.length - 4));
		const filled = Math.round((done / Math.max(1, this.total)) * width);
		this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]${label}\u001B[K`);
	}

	done(): void {
		if (this.shown) {
			this.stream.write('\r\u001B[K');
		}
	}
}
