// Shared by the trace tests: the fixture, temp files, a fake heap, and an ftrace → perf converter.

import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll} from 'vitest';
import type {TraceHeap} from '../../../source/engine/trace/trace-replay.js';
import {ftraceExcerptPath} from '../../fixture-paths.js';

export const fixturePath = ftraceExcerptPath;

export const fixtureText = readFileSync(fixturePath, 'utf8');

/** The fixture's event lines, in order (its 12 header lines are comments). */
export const fixtureEventLines = fixtureText.split('\n').filter(line => line !== '' && !line.startsWith('#'));

const tempDirectories: string[] = [];

// Registered in every test file that imports this module (vitest isolates files), so each cleans up its own.
afterAll(() => {
	for (const directory of tempDirectories.splice(0)) {
		rmSync(directory, {recursive: true, force: true});
	}
});

export function tempDirectory(): string {
	const directory = mkdtempSync(join(tmpdir(), 'kmtop-trace-'));
	tempDirectories.push(directory);
	return directory;
}

export function writeTemp(name: string, content: string | Uint8Array): string {
	const path = join(tempDirectory(), name);
	writeFileSync(path, content);
	return path;
}

/**
 * A bump allocator standing in for the kernel: it hands out distinct 32-bit addresses and throws
 * on a free of anything it did not hand out or already took back, so a replay bug cannot hide.
 */
export class FakeHeap implements TraceHeap {
	readonly live = new Map<number, number>();
	kmallocCalls = 0;
	kfreeCalls = 0;
	#next = 0xc080_0000;

	kmalloc(size: number): number {
		const address = this.#next;
		this.#next += Math.max(16, Math.ceil(size / 16) * 16);
		this.live.set(address, size);
		this.kmallocCalls++;
		return address;
	}

	kfree(address: number): void {
		if (!this.live.delete(address)) {
			throw new Error(`fake heap: kfree of ${address.toString(16)} which is not allocated`);
		}

		this.kfreeCalls++;
	}

	get liveBytes(): number {
		let total = 0;
		for (const size of this.live.values()) {
			total += size;
		}

		return total;
	}
}

/**
 * Rewrites one fixture line as `perf script` prints the same event: comm and tid as right-aligned
 * columns (`pid/tid` when asked), no flags column, `system:event`, pointers as `0x…` without
 * padding (NULL as `(nil)`), call sites as `symbol+offset` without the `/size`. Plain string
 * surgery, independent of the parser under test.
 */
export function toPerfScriptLine(ftraceLine: string, withPidSlashTid = false): string {
	const match = /^\s*(.*)-(\d+)\s+\[(\d+)\]\s+\S+\s+(\d+\.\d+): (\w+): (.*)$/.exec(ftraceLine);
	if (match === null) {
		throw new Error(`not an ftrace event line: ${ftraceLine}`);
	}

	const [, comm, pid, cpu, seconds, event, fields] = match;
	const perfFields = fields
		.replace(/ptr=([\da-f]+)/, (_, hex: string) => {
			const digits = hex.replace(/^0+/, '');
			return digits === '' ? 'ptr=(nil)' : `ptr=0x${digits}`;
		})
		.replace(/call_site=(\S+?)\/0x[\da-f]+/, 'call_site=$1');
	// perf's own widths: `%16s` comm, then `%7d` tid or `%7d/%-7d` pid/tid.
	const task = withPidSlashTid ? `${pid.padStart(7)}/${pid.padEnd(7)}` : pid.padStart(7);
	return `${comm.padStart(16)} ${task} [${cpu}] ${seconds}: kmem:${event}: ${perfFields}`;
}

/**
 * `count` ftrace events `gapMicroseconds` apart from 1000 s, as one string: kmalloc and kfree by
 * turns, each kfree freeing the block the kmalloc before it got (64 bytes), so every event replays.
 */
export function generateFtraceEvents(count: number, gapMicroseconds = 1): string {
	const lines: string[] = [];
	for (let index = 0; index < count; index++) {
		const microseconds = 1_000_000_000 + (index * gapMicroseconds);
		const time = `${Math.floor(microseconds / 1e6)}.${String(microseconds % 1e6).padStart(6, '0')}`;
		const ptr = (0x1000 + (index >> 1)).toString(16).padStart(16, '0');
		lines.push(index % 2 === 0
			? `            bash-9453    [000] .....   ${time}: kmalloc: call_site=f+0x1/0x2 ptr=${ptr} bytes_req=64 bytes_alloc=64 gfp_flags=GFP_KERNEL node=-1 accounted=false`
			: `            bash-9453    [000] .....   ${time}: kfree: call_site=g+0x1/0x2 ptr=${ptr}`);
	}

	return `${lines.join('\n')}\n`;
}
