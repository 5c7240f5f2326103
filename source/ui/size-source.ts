// The terminal size as a small store React can subscribe to. The live shell owns it and sets it
// on resize only after it has cleared the screen, so a new layout is never drawn over the ruins
// of the old one; anywhere else (tests) it can follow a stream's own 'resize' events.

export type TerminalSize = {columns: number; rows: number};

export type SizeSource = {
	get: () => TerminalSize;
	subscribe: (listener: () => void) => () => void;
};

export type ManualSizeSource = SizeSource & {set: (size: TerminalSize) => void};

/** A stream without a size (not a terminal) is taken to be the reference 120×40. */
export const DEFAULT_SIZE: TerminalSize = {columns: 120, rows: 40};

export const readSize = (stream: {columns?: number; rows?: number}): TerminalSize => ({
	columns: stream.columns || DEFAULT_SIZE.columns,
	rows: stream.rows || DEFAULT_SIZE.rows,
});

export const createManualSizeSource = (initial: TerminalSize): ManualSizeSource => {
	let size = initial;
	const listeners = new Set<() => void>();
	return {
		get: () => size,
		set(next) {
			if (next.columns !== size.columns || next.rows !== size.rows) {
				size = next;
				for (const listener of listeners) {
					listener();
				}
			}
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
	};
};

type ResizableStream = {columns?: number; rows?: number; on(event: 'resize', listener: () => void): unknown; off(event: 'resize', listener: () => void): unknown};

/** A source that follows a stream's 'resize' events. */
export const createStreamSizeSource = (stream: ResizableStream): SizeSource => {
	const source = createManualSizeSource(readSize(stream));
	return {
		get: source.get,
		subscribe(listener) {
			const unsubscribe = source.subscribe(listener);
			const onResize = () => {
				source.set(readSize(stream));
			};

			stream.on('resize', onResize);
			return () => {
				stream.off('resize', onResize);
				unsubscribe();
			};
		},
	};
};
