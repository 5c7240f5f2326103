import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {countTraceEvents} from '../../../source/engine/trace/count-trace-events.js';
import {readTraceEvents, type ReadTraceOptions} from '../../../source/engine/trace/read-trace-events.js';
import {TraceFileError, TraceFormatError} from '../../../source/engine/trace/trace-errors.js';
import type {TraceRecord} from '../../../source/engine/trace/trace-record.js';
import {fixturePath, fixtureText, tempDirectory, writeTemp} from './trace-test-helpers.js';

async function readAll(path: string, options: ReadTraceOptions = {}) {
	const reader = readTraceEvents(path, options);
	const records: TraceRecord[] = [];
	for await (const record of reader) {
		records.push(record);
	}

	const count = (kind: TraceRecord['kind']) => records.filter(record => record.kind === kind).length;
	return {reader, records, kmalloc: count('kmalloc'), kfree: count('kfree'), ignored: count('ignored'), malformed: count('malformed')};
}

describe('reading the fixture', () => {
	it('gives exactly 538 kmalloc and 462 kfree events, nothing malformed', async () => {
		const {reader, kmalloc, kfree, ignored, malformed} = await readAll(fixturePath);
		expect({kmalloc, kfree, ignored, malformed}).toEqual({kmalloc: 538, kfree: 462, ignored: 0, malformed: 0});
		expect(reader.format).toBe('ftrace');
		expect(reader.malformed).toEqual({count: 0, first: []});
		expect(reader.lineNumber).toBe(1012);
	});

	it('reads a gzipped copy, by its .gz name and by its magic bytes alone', async () => {
		const gzipped = gzipSync(fixtureText);
		for (const name of ['trace.txt.gz', 'trace-without-suffix']) {
			const {kmalloc, kfree} = await readAll(writeTemp(name, gzipped));
			expect({name, kmalloc, kfree}).toEqual({name, kmalloc: 538, kfree: 462});
		}
	});

	it('counts the events in a cheap pre-pass, with the time span', async () => {
		expect(await countTraceEvents(fixturePath)).toEqual({events: 1000, firstTimeSeconds: 583.845921, lastTimeSeconds: 583.874213});
		expect((await countTraceEvents(writeTemp('t.gz', gzipSync(fixtureText)))).events).toBe(1000);
	});
});

describe('malformed lines', () => {
	// Garbage placed at these 1-based line numbers of the mangled file, fixture lines around it.
	const garbage = new Map([
		[14, 'garbage one'],
		[21, ''],
		[23, 'x'.repeat(300)],
		[33, 'bash 12 [000] 10.5: kmem:kfree: call_site=f+0x1 ptr=0xab'],
		[44, 'four'],
		[55, 'five'],
		[66, 'six'],
	]);
	const fixtureLines = fixtureText.split('\n');
	const mangledLines: string[] = [];
	for (let next = 0; next < fixtureLines.length;) {
		mangledLines.push(garbage.get(mangledLines.length + 1) ?? fixtureLines[next++]);
	}

	const mangled = mangledLines.join('\n');

	it('are counted, the first 5 kept with line numbers and truncated text, and reading goes on', async () => {
		const path = writeTemp('mangled.txt', mangled);
		const {reader, kmalloc, kfree, malformed} = await readAll(path);
		expect({kmalloc, kfree, malformed}).toEqual({kmalloc: 538, kfree: 462, malformed: 6});
		expect(reader.malformed.count).toBe(6);
		expect(reader.malformed.first).toEqual([
			{kind: 'malformed', line: 14, text: 'garbage one'},
			// Line 21 is blank: skipped, not malformed.
			{kind: 'malformed', line: 23, text: 'x'.repeat(120)},
			// A perf line in an ftrace file is malformed: the first event line fixed the format.
			{kind: 'malformed', line: 33, text: 'bash 12 [000] 10.5: kmem:kfree: call_site=f+0x1 ptr=0xab'},
			{kind: 'malformed', line: 44, text: 'four'},
			{kind: 'malformed', line: 55, text: 'five'},
		]);
	});

	it('throw FILE:LINE under strict, at the first one', async () => {
		const path = writeTemp('mangled.txt', mangled);
		await expect(readAll(path, {strict: true})).rejects.toThrow(new TraceFormatError(`${path}:14: malformed trace line: garbage one`));
		await expect(readAll(path, {strict: true})).rejects.toBeInstanceOf(TraceFormatError);
	});

	it('let a strict read of the clean fixture through', async () => {
		expect((await readAll(fixturePath, {strict: true})).kmalloc).toBe(538);
	});
});

describe('files without events', () => {
	it('an empty file is an error', async () => {
		const path = writeTemp('empty.txt', '');
		await expect(readAll(path)).rejects.toThrow(new TraceFormatError(`${path} is empty`));
	});

	it('a file of comments only has no kmem events', async () => {
		const path = writeTemp('comments.txt', fixtureText.split('\n').slice(0, 12).join('\n'));
		await expect(readAll(path)).rejects.toThrow(new TraceFormatError(`no kmem:kmalloc or kmem:kfree events in ${path}`));
	});

	it('a file of other events has no kmem events either', async () => {
		const path = writeTemp('sched.txt', 'bash-1 [000] ..... 2.5: sched_switch: prev_comm=bash prev_pid=1\nbash-1 [000] ..... 2.6: kmem_cache_free: call_site=f ptr=00aa name=x\n');
		await expect(readAll(path)).rejects.toThrow(`no kmem:kmalloc or kmem:kfree events in ${path}`);
	});
});

describe('unreadable files', () => {
	it('a missing file is a TraceFileError naming it and the code', async () => {
		const path = join(tmpdir(), 'kmtop-no-such-trace.txt');
		await expect(readAll(path)).rejects.toThrow(new TraceFileError(path, 'ENOENT'));
		await expect(readAll(path)).rejects.toThrow(`cannot read trace ${path}: ENOENT (no such file)`);
		await expect(countTraceEvents(path)).rejects.toBeInstanceOf(TraceFileError);
	});

	it('a directory and a corrupt .gz are TraceFileErrors too', async () => {
		const directory = tempDirectory();
		await expect(readAll(directory)).rejects.toThrow(`cannot read trace ${directory}: EISDIR (is a directory)`);
		const corrupt = writeTemp('corrupt.gz', 'this is not gzip\n');
		await expect(readAll(corrupt)).rejects.toThrow(`cannot read trace ${corrupt}: Z_DATA_ERROR (not valid gzip data)`);
	});
});

describe('lines no regular expression could take', () => {
	const [header, events] = [fixtureText.split('\n').slice(0, 12), fixtureText.split('\n').slice(12)];

	it('a first event after 60,000 spaces, and 200,000 spaces then an x: the same events, one line malformed by its length', async () => {
		const lines = [...header, ' '.repeat(60_000) + events[0], `${' '.repeat(200_000)}x`, ...events.slice(1)];
		const {reader, kmalloc, kfree, malformed} = await readAll(writeTemp('spaces.txt', lines.join('\n')));
		expect({kmalloc, kfree, malformed}).toEqual({kmalloc: 538, kfree: 462, malformed: 1});
		expect(reader.malformed.first).toEqual([
			// Its head is shown, trailing whitespace trimmed as for any malformed line.
			{kind: 'malformed', line: 14, text: '[200,001 characters, over the 65,536 limit]'},
		]);
	});

	it('60,000 spaces within the limit, between the fields: parsed like any other line', async () => {
		const spaced = events[0].replace(' ptr=', `${' '.repeat(60_000)}ptr=`);
		const {records} = await readAll(writeTemp('wide.txt', [spaced, events[1]].join('\n')));
		expect(records[0]).toMatchObject({kind: 'kmalloc', ptr: '769437d5', bytesReq: 64});
	});

	it('a gzip of 32 MiB of zeros, perf.data and trace.dat are refused at their first chunk', async () => {
		const zeros = writeTemp('zeros.gz', gzipSync(Buffer.alloc(32 * 1024 * 1024)));
		await expect(readAll(zeros)).rejects.toThrow(new TraceFormatError(`cannot replay ${zeros}: it holds binary data (NUL bytes), and a kmem trace is text (ftrace or perf script output)`));
		const perfData = writeTemp('perf.data', Buffer.concat([Buffer.from('PERFILE2'), Buffer.alloc(100)]));
		await expect(readAll(perfData)).rejects.toThrow('it is a perf.data file; give what `perf script` prints from it');
		const traceDat = writeTemp('trace.dat', Buffer.concat([Buffer.from([0x17, 0x08, 0x44]), Buffer.from('tracing6'), Buffer.alloc(100)]));
		await expect(readAll(traceDat)).rejects.toThrow('it is a trace-cmd trace.dat file; give what `trace-cmd report` prints from it');
	});

	it('a gzip of 32 MiB of newlines is empty: every line counted', async () => {
		const bomb = writeTemp('bomb.gz', gzipSync(Buffer.alloc(32 * 1024 * 1024, 0x0a), {level: 1}));
		const reader = readTraceEvents(bomb);
		await expect(reader.nextBatch().then(async function drain(batch): Promise<unknown> {
			return batch === undefined ? undefined : reader.nextBatch().then(drain);
		})).rejects.toThrow(new TraceFormatError(`${bomb} is empty`));
		expect(reader.lineNumber).toBe(32 * 1024 * 1024);
	});
});

describe('what is printed from the input is escaped', () => {
	it('malformed lines keep their control characters as escapes; strict mode says so too', async () => {
		const lines = fixtureText.split('\n');
		lines.splice(20, 0, '\u001B[2J\u001B]0;pwned\u0007 bad\rline\u0085');
		const path = writeTemp('escapes.txt', lines.join('\n'));
		const {reader} = await readAll(path);
		expect(reader.malformed.first).toEqual([{kind: 'malformed', line: 21, text: '\\x1B[2J\\x1B]0;pwned\\x07 bad\\x0Dline\\x85'}]);
		await expect(readAll(path, {strict: true})).rejects.toThrow(new TraceFormatError(`${path}:21: malformed trace line: \\x1B[2J\\x1B]0;pwned\\x07 bad\\x0Dline\\x85`));
	});

	it('and so is the path', async () => {
		const path = join(tmpdir(), 'kmtop-\u001B[31mred\n.txt');
		await expect(readAll(path)).rejects.toThrow(`cannot read trace ${join(tmpdir(), 'kmtop-\\x1B[31mred\\x0A.txt')}: ENOENT (no such file)`);
	});
});
