// A terminal for screen tests: what Ink writes goes into a headless xterm of the same size, and
// the buffer is read back as the user would see it.

import {EventEmitter} from 'node:events';
import xterm from '@xterm/headless';

const {Terminal} = xterm;

export class FakeStdout extends EventEmitter {
	readonly isTTY = true;
	readonly writes: string[] = [];
	readonly terminal: InstanceType<typeof Terminal>;
	writable = true;

	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
		this.terminal = new Terminal({cols: columns, rows, allowProposedApi: true});
	}

	write = (data: string | Uint8Array, ...rest: unknown[]): boolean => {
		const text = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
		this.writes.push(text);
		this.terminal.write(text);
		const callback = rest.find((item) => typeof item === 'function') as (() => void) | undefined;
		callback?.();
		return true;
	};

	/** Waits until xterm has parsed everything written so far. */
	async flush(): Promise<void> {
		await new Promise<void>((resolve) => {
			this.terminal.write('', resolve);
		});
	}

	/** The screen's rows as text, trailing spaces trimmed. */
	async screen(): Promise<string[]> {
		await this.flush();
		const buffer = this.terminal.buffer.active;
		return Array.from({length: this.rows}, (_, row) => buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
	}

	async bufferType(): Promise<string> {
		await this.flush();
		return this.terminal.buffer.active.type;
	}

	resize(columns: number, rows: number): void {
		this.columns = columns;
		this.rows = rows;
		this.terminal.resize(columns, rows);
		this.emit('resize');
	}
}

/** stdin as Ink needs it: a TTY in raw mode that a test can type into. */
export class FakeStdin extends EventEmitter {
	readonly isTTY = true;
	rawMode = false;
	private data: string | null = null;

	type(text: string): void {
		this.data = text;
		this.emit('readable');
		this.emit('data', text);
	}

	read = (): string | null => {
		const {data} = this;
		this.data = null;
		return data;
	};

	setRawMode(mode: boolean): this {
		this.rawMode = mode;
		return this;
	}

	setEncoding(): this {
		return this;
	}

	ref(): this {
		return this;
	}

	unref(): this {
		return this;
	}

	resume(): this {
		return this;
	}

	pause(): this {
		return this;
	}
}
