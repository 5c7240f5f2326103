// A recording as `--replay FILE` reads it: a file, a pipe, or something that is not a recording
// at all, each answered at once with one line (exit 2), never read to the end of memory.

import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {readRecording, replayTarget} from '../../source/cli/read-recording.js';
import {formatEndLine, formatStartLine, parseRecording, RECORDING_FORMAT} from '../../source/engine/recording.js';
import {kmtopVersion} from '../../source/engine/version.js';
import {context, MiB} from './parse-context.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'cli.js');
const work = mkdtempSync(path.join(tmpdir(), 'kmtop-read-recording-'));
afterAll(() => {
	rmSync(work, {recursive: true, force: true});
});

const file = (name: string, content: string | Buffer): string => {
	const where = path.join(work, name);
	writeFileSync(where, content);
	return where;
};

const recordingText =
	formatStartLine({format: RECORDING_FORMAT, kmtop: kmtopVersion, seed: 5, revision: '2021-02-23', ramBytes: 256 * MiB, workload: {kind: 'builtin', name: 'steady'}, debugAsserts: false}) +
	formatEndLine({boot: 1, tick: 300});

const checks = {version: kmtopVersion, revisionIds: context.revisionIds, workloadNames: context.workloadNames};

const binary = (name: string) => `${name}: not a kmtop recording: it holds binary data (NUL bytes), and a recording is JSON text (kmtop --record FILE, or a snapshot saved with s)`;

const kmtop = (args: string[]) => {
	const result = spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: '', FORCE_COLOR: ''}, timeout: 120_000});
	return {code: result.status, stderr: result.stderr, stdout: result.stdout};
};

describe('readRecording', () => {
	it('reads a recording: its start and its end', () => {
		const recording = readRecording(file('good.jsonl', recordingText), checks);
		expect(recording).toMatchObject({seed: 5, revision: '2021-02-23', ramBytes: 256 * MiB, journal: [], end: {boot: 1, tick: 300}, kind: 'recording'});
	});

	it.each([
		['a NUL byte in the first line', () => file('nul.jsonl', `{"format":"${RECORDING_FORMAT}\0"}\n`), binary],
		['a NUL byte just inside the first 64 KiB', () => file('late-nul.jsonl', Buffer.concat([Buffer.alloc(64 * 1024 - 1, 0x20), Buffer.alloc(1)])), binary],
		['a sparse file of 1 GiB (all NUL)', () => sparse(), binary],
		['a directory', () => directory(), (name: string) => `${name}: cannot read the recording: EISDIR (illegal operation on a directory)`],
	])('%s: one line', (_, make, message) => {
		const name = make();
		expect(() => readRecording(name, checks)).toThrow(message(name));
	});

	it('a recording without its end line (a session that ended badly) runs to its last entry, however many (200,000 overflowed the stack: Math.max of a spread)', () => {
		const recording = readRecording(file('good-for-target.jsonl', recordingText), checks);
		const journal = Array.from({length: 200_000}, (_, index) => ({boot: 1, tick: 10 + index, action: {type: 'switch-workload' as const, workload: 'steady'}}));
		const {end: _end, ...unended} = recording;
		expect(replayTarget({...unended, journal}, 'unended.jsonl', null, null)).toEqual({boot: 1, tick: 200_009});
	});

	it('a file over the most bytes it may have is refused once it passes them, not read to its end', () => {
		const name = file('long.jsonl', recordingText + ' '.repeat(4096));
		expect(() => readRecording(name, {...checks, maxBytes: 2048})).toThrow(`${name}: not a kmtop recording: it is over 2048 bytes, and a recording or a saved snapshot is far smaller`);
		expect(readRecording(name, {...checks, maxBytes: 8192}).end).toEqual({boot: 1, tick: 300});
	});
});

describe('parseRecording', () => {
	const [startLine, endLine] = recordingText.split('\n');
	it('150,000,000 blank lines between the start and the end: read (splitting them into lines was a V8 fatal error)', {timeout: 120_000}, () => {
		const text = `${startLine}\n${'\n'.repeat(150_000_000)}${endLine}\n`;
		expect(parseRecording(text, 'blank.jsonl')).toMatchObject({seed: 5, journal: [], end: {boot: 1, tick: 300}});
	});

	it.each([
		['blank lines, spaces and CRLF around the lines', `\r\n  \n${startLine}\r\n\n \t\n${endLine}\r\n\n`, undefined],
		['a line that is not JSON, numbered among the lines that are not blank', `\n${startLine}\n\n\n  x\n${endLine}\n`, 'blank.jsonl: line 2 is not JSON'],
		['an entry after the end', `${startLine}\n${endLine}\n\n{"boot":1,"tick":5,"action":{"type":"reboot","revision":"2021-02-23"}}\n`, 'blank.jsonl: line 3 is not a journal entry kmtop wrote'],
		['nothing but white space', ' \n\t\r\n', `blank.jsonl: not a kmtop recording (its first line should say "format": "${RECORDING_FORMAT}"); record one with kmtop --record FILE`],
		// An end kmtop could not have written: replayed, it made a document of a boot that never was, or dropped an entry.
		['an end in a boot the journal never reached', `${startLine}\n{"end":{"boot":5,"tick":300}}\n`, 'blank.jsonl: its end is in boot 5 and its journal reaches boot 1: not a recording kmtop wrote'],
		['an end before an entry of its boot', `${startLine}\n{"boot":1,"tick":500,"action":{"type":"switch-workload","workload":"drain"}}\n${endLine}\n`, 'blank.jsonl: its end at tick 300 comes before its entry at tick 500: not a recording kmtop wrote'],
		['a trace whose pace is not a finite number (1e400 reads as Infinity)', `${startLine!.replace('"workload":{"kind":"builtin","name":"steady"}', '"workload":{"kind":"trace","path":"/t.txt","size":"req","msPerTick":1e400,"strict":false}')}\n${endLine}\n`, 'blank.jsonl: line 1 is not the start of a recording kmtop wrote'],
	])('%s', (_, text, problem) => {
		if (problem === undefined) {
			expect(parseRecording(text, 'blank.jsonl').end).toEqual({boot: 1, tick: 300});
		} else {
			expect(() => parseRecording(text, 'blank.jsonl')).toThrow(problem);
		}
	});
});

const sparse = (): string => {
	const name = path.join(work, 'sparse.jsonl');
	writeFileSync(name, '');
	// A hole of 1 GiB: no disk, and all zeros to a reader.
	truncateSync(name, 1024 * MiB);
	return name;
};

const directory = (): string => {
	const name = path.join(work, 'a-directory');
	mkdirSync(name, {recursive: true});
	return name;
};

describe('kmtop snapshot --replay', () => {
	it.runIf(existsSync('/dev/zero'))('/dev/zero: one line, exit 2, at once (it was read until memory ran out)', () => {
		expect(kmtop(['snapshot', '--replay', '/dev/zero'])).toEqual({code: 2, stderr: `kmtop: ${binary('/dev/zero')}\n`, stdout: ''});
	});

	it('a recording through a shell\'s pipe (/dev/stdin) replays as the file does', () => {
		const recording = file('piped.jsonl', recordingText);
		const fromFile = kmtop(['snapshot', '--replay', recording]);
		// A shell's pipe, as a user makes one: Node's own `input` is a socket, which /dev/stdin cannot open.
		const fromPipe = spawnSync('sh', ['-c', 'cat "$1" | "$2" "$3" snapshot --replay /dev/stdin', 'sh', recording, process.execPath, cli], {encoding: 'utf8', timeout: 120_000});
		expect({code: fromPipe.status, stderr: fromPipe.stderr}).toEqual({code: 0, stderr: ''});
		expect(fromFile.code).toBe(0);
		const tickOf = (stdout: string) => (JSON.parse(stdout) as {run: {tick: number}}).run.tick;
		expect(tickOf(fromPipe.stdout)).toBe(300);
		expect(fromPipe.stdout).toBe(fromFile.stdout.replace(recording, '/dev/stdin'));
	});

	it('a recording on standard input as Node\'s child processes get it (a socket, which /dev/stdin cannot open) replays as the file does', () => {
		const recording = file('socket.jsonl', recordingText);
		const fromFile = kmtop(['snapshot', '--replay', recording]);
		for (const name of ['/dev/stdin', '/dev/fd/0']) {
			const fromSocket = spawnSync(process.execPath, [cli, 'snapshot', '--replay', name], {input: readFileSync(recording), encoding: 'utf8', timeout: 120_000});
			expect({code: fromSocket.status, stderr: fromSocket.stderr}).toEqual({code: 0, stderr: ''});
			expect(fromSocket.stdout).toBe(fromFile.stdout.replace(recording, name));
		}
	});
});
