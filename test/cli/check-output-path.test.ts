// Where -o goes, for each kind of path (the writes themselves are spawned in output-faults.test.ts).
import {execFileSync} from 'node:child_process';
import {chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {checkOutputPath, resolveOutputTarget} from '../../source/cli/check-output-path.js';

const work = mkdtempSync(path.join(tmpdir(), 'kmtop-output-path-'));
const at = (name: string): string => path.join(work, name);
afterAll(() => {
	rmSync(work, {recursive: true, force: true});
});

mkdirSync(at('sub'));
writeFileSync(at('sub/private.json'), 'old');
chmodSync(at('sub/private.json'), 0o640);
symlinkSync('sub/private.json', at('link'));
symlinkSync('link', at('link-to-link'));
symlinkSync('sub/new.json', at('dangling'));
// A link relative to its folder, reached through a symlinked folder: other/jump/rel is
// sub/rel, so "../sub/private.json" is sub/private.json, not the textual other/sub/private.json.
symlinkSync('../sub/private.json', at('sub/rel'));
mkdirSync(at('other'));
symlinkSync('../sub', at('other/jump'));
symlinkSync('loop-b', at('loop-a'));
symlinkSync('loop-a', at('loop-b'));
symlinkSync('sub', at('folder-link'));
execFileSync('mkfifo', [at('fifo')]);

// The file's own stat: only the mode is ours to check.
const keepsItsMode: unknown = expect.objectContaining({mode: 0o640});

describe('resolveOutputTarget', () => {
	it.each([
		['a new path', at('new.json'), {kind: 'replace', path: at('new.json'), existing: undefined}],
		['a relative new path', path.relative(process.cwd(), at('new.json')), {kind: 'replace', path: at('new.json'), existing: undefined}],
		['an existing file, keeping its mode', at('sub/private.json'), {kind: 'replace', path: at('sub/private.json'), existing: keepsItsMode}],
		['a symlink: its target', at('link'), {kind: 'replace', path: at('sub/private.json'), existing: keepsItsMode}],
		['a chain of symlinks', at('link-to-link'), {kind: 'replace', path: at('sub/private.json'), existing: keepsItsMode}],
		['a symlink relative to its real folder', at('other/jump/rel'), {kind: 'replace', path: at('sub/private.json'), existing: keepsItsMode}],
		['a dangling symlink: the missing target', at('dangling'), {kind: 'replace', path: at('sub/new.json'), existing: undefined}],
		['a FIFO: in place', at('fifo'), {kind: 'in-place', path: at('fifo')}],
		['/dev/null: in place', '/dev/null', {kind: 'in-place', path: '/dev/null'}],
		['/dev/full: in place', '/dev/full', {kind: 'in-place', path: '/dev/full'}],
		['/dev/stdout: our stream', '/dev/stdout', {kind: 'descriptor', fd: 1}],
		['/dev/stderr: our stream', '/dev/stderr', {kind: 'descriptor', fd: 2}],
		['/dev/fd/1', '/dev/fd/1', {kind: 'descriptor', fd: 1}],
		['/proc/self/fd/2', '/proc/self/fd/2', {kind: 'descriptor', fd: 2}],
		[`/proc/${process.pid}/fd/1`, `/proc/${process.pid}/fd/1`, {kind: 'descriptor', fd: 1}],
		['a directory', at('sub'), {kind: 'problem', message: `cannot write ${at('sub')}: it is a directory`}],
		['a symlink to a directory', at('folder-link'), {kind: 'problem', message: `cannot write ${at('folder-link')}: it is a directory`}],
		['a missing folder', at('missing/out.json'), {kind: 'problem', message: `cannot write ${at('missing/out.json')}: no such directory ${at('missing')}`}],
		['a path through a file', at('sub/private.json/out.json'), {kind: 'problem', message: `cannot write ${at('sub/private.json/out.json')}: ENOTDIR (not a directory)`}],
		['a symlink loop', at('loop-a'), {kind: 'problem', message: `cannot write ${at('loop-a')}: ELOOP (too many levels of symbolic links)`}],
	])('%s', (_, file, target) => {
		expect(resolveOutputTarget(file)).toEqual(target);
	});

	it('a socket is refused', async () => {
		const socket = at('socket');
		const server = createServer();
		await new Promise<void>((resolve) => {
			server.listen(socket, resolve);
		});
		try {
			expect(checkOutputPath(socket)).toBe(`cannot write ${socket}: it is a socket`);
		} finally {
			server.close();
		}
	});

	it.runIf(process.getuid?.() !== 0)('a read-only file is refused even in a writable folder, as by a shell', () => {
		writeFileSync(at('read-only.json'), 'old');
		chmodSync(at('read-only.json'), 0o444);
		expect(checkOutputPath(at('read-only.json'))).toBe(`cannot write ${at('read-only.json')}: permission denied`);
	});
});
