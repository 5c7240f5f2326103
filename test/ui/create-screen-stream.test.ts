import {describe, expect, test} from 'vitest';
import {createScreenStream, type TerminalStream} from '../../source/ui/create-screen-stream.js';

const BEGIN = '\u001B[?2026h';
const END = '\u001B[?2026l';

/** A terminal that records each write it is given, as one entry. */
const recordingTerminal = () => {
	const writes: unknown[][] = [];
	const stdout: TerminalStream = {
		columns: 20,
		rows: 5,
		write(chunk, ...rest) {
			writes.push([chunk, ...rest]);
			return true;
		},
		on: () => stdout,
		off: () => stdout,
	};
	return {stdout, writes};
};

const tick = async () => {
	await Promise.resolve();
};

describe('createScreenStream', () => {
	test("Ink's begin code, frame and end code go out as one write, the same bytes in order", () => {
		const {stdout, writes} = recordingTerminal();
		const {stream} = createScreenStream(stdout);
		stream.write(BEGIN);
		stream.write('a\nb\n');
		stream.write(END);
		expect(writes).toEqual([[`${BEGIN}\u001B[1;1Ha\u001B[K\u001B[2;1Hb\u001B[K\u001B[3;1H${END}`]]);
	});

	test('a frame that changed nothing is the two codes, in one write', () => {
		const {stdout, writes} = recordingTerminal();
		const {stream} = createScreenStream(stdout);
		stream.write('a\n');
		stream.write(BEGIN);
		stream.write('\u001B[2K\u001B[1A\u001B[2K\u001B[Ga\n');
		stream.write(END);
		expect(writes).toEqual([['\u001B[1;1Ha\u001B[K\u001B[2;1H'], [`${BEGIN}${END}`]]);
	});

	test('a begin code without its end is written once the code that wrote it is done', async () => {
		const {stdout, writes} = recordingTerminal();
		const {stream} = createScreenStream(stdout);
		stream.write(BEGIN);
		stream.write('no newline');
		expect(writes).toEqual([]);
		await tick();
		expect(writes).toEqual([[`${BEGIN}no newline`]]);
	});

	test('a write with a callback or bytes goes out as it is, after what was held', () => {
		const {stdout, writes} = recordingTerminal();
		const {stream} = createScreenStream(stdout);
		const done = () => undefined;
		const bytes = new Uint8Array([1, 2]);
		stream.write(BEGIN);
		stream.write('x', done);
		stream.write(bytes);
		stream.write('y');
		expect(writes).toEqual([[BEGIN], ['x', done], [bytes], ['y']]);
	});
});
