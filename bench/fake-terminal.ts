// A terminal for a bench to draw to: a TTY of a given size that takes every write at once (its
// callback called, as a fast terminal would) and counts the bytes, so a frame's time is kmtop's
// and Ink's, not a pseudo-terminal's.

import {EventEmitter} from 'node:events';

export class FakeTerminal extends EventEmitter {
	readonly isTTY = true;
	readonly columns: number;
	readonly rows: number;
	bytes = 0;

	constructor(columns: number, rows: number) {
		super();
		this.columns = columns;
		this.rows = rows;
	}

	write = (data: string | Uint8Array, ...rest: unknown[]): boolean => {
		this.bytes += data.length;
		(rest.find((item) => typeof item === 'function') as (() => void) | undefined)?.();
		return true;
	};
}
