// Exploring the live view (issue 15) on a terminal: Ink's output fed into a headless xterm, read
// back as the user sees it. Focus and selection, the `Subheap #N` view checked cell by cell
// against the subheap's own bitmap, the holders adding up to the heap, search in the Kernel log,
// the mouse, and the terminal given back with the mouse off.

import {afterEach, beforeAll, describe, expect, test} from 'vitest';
import {buildSubheapDocument} from '../../source/engine/build-subheap-document.js';
import type {LiveSession} from '../../source/engine/live-session.js';
import {FakeStdin, FakeStdout} from './fake-terminal.js';
import {createSession, linkFor, waitFor} from './helpers.js';

let runLiveDashboard: typeof import('../../source/ui/run-live-dashboard.js').runLiveDashboard;

beforeAll(async () => {
	({runLiveDashboard} = await import('../../source/ui/run-live-dashboard.js'));
});

type Running = {stdout: FakeStdout; stdin: FakeStdin; exit: Promise<number>; session: LiveSession};

const running: Running[] = [];

afterEach(async () => {
	for (const {stdin, exit} of running.splice(0)) {
		stdin.type('q');
		await exit;
	}
});

const DOWN = '\u001B[B';
const ESC = '\u001B';
const PAGE_DOWN = '\u001B[6~';

/** vmobject-churn, seed 1, 3,000 ticks, paused: four linked subheaps, the screen holds still. */
const start = async (columns: number, rows: number): Promise<Running> => {
	const session = await createSession();
	session.simulation.step(3000);
	session.paused = true;
	const stdout = new FakeStdout(columns, rows);
	const stdin = new FakeStdin();
	const exit = runLiveDashboard(linkFor(session), {
		saveSnapshot: () => Promise.resolve('unused.json'),
		stdout,
		stdin: stdin as unknown as NodeJS.ReadStream,
		stderr: new FakeStdout(columns, rows) as unknown as NodeJS.WriteStream,
		handleProcessEvents: false,
	});
	const run = {stdout, stdin, exit, session};
	running.push(run);
	await waitFor(async () => {
		expect((await stdout.screen())[0]).toContain('kmtop');
	});
	return run;
};

/** Types `keys`, then waits until some line of the screen passes `check`. */
const press = async (run: Running, keys: string, check: (screen: string[]) => boolean): Promise<string[]> => {
	run.stdin.type(keys);
	let screen: string[] = [];
	await waitFor(async () => {
		screen = await run.stdout.screen();
		expect(check(screen)).toBe(true);
	});
	return screen;
};

const has = (text: string | RegExp) => (screen: string[]) => screen.some((line) => (typeof text === 'string' ? line.includes(text) : text.test(line)));

/** Unicode's braille dots for the eight chunks of a cell, in the map's order (column by column, dots 7 and 8 last of each). */
const DOT_OF_CHUNK = [0x01, 0x02, 0x04, 0x40, 0x08, 0x10, 0x20, 0x80];

/** The map's rows on the screen: the row's first chunk address and its braille cells. */
const mapRows = (screen: string[]) =>
	screen.flatMap((line) => {
		const match = /^│ ([\da-f]{8}) ([\u2800-\u28FF]+)/.exec(line);
		return match ? [{address: Number.parseInt(match[1]!, 16), cells: [...match[2]!]}] : [];
	});

const isAllocated = (bitmap: Uint32Array, chunk: number) => ((bitmap[chunk >>> 5]! >>> (chunk & 31)) & 1) === 1;

describe('exploring at 120×40', () => {
	test('Tab to Subheaps, ↓, Enter: Subheap #1 with a chunk map that is its bitmap, the histogram and the index; Esc returns', async () => {
		const run = await start(120, 40);
		let screen = await press(run, '\t', has('▸ 0  pool'));
		// The footer shows the focused panel's keys first.
		expect(screen.at(-2)).toMatch(/^ ↑↓ select {2}Enter m chunk map {2}Tab next panel/);
		screen = await press(run, DOWN, has('▸ 1  backup    V0xc0801000'));
		screen = await press(run, '\r', (lines) => lines[1]!.includes('Subheap #1') && mapRows(lines).length > 0);
		expect(screen[1]).toMatch(/^┌ Subheap #1 {2}map rows 1–32 of 83 /);
		expect(screen[2]).toBe('│  backup at V0xc0801000 · 31,774 chunks of 32 bytes · 10.6% allocated in 2,973 blocks · tick 3,000                    │');

		const document = buildSubheapDocument(run.session.simulation.kernel, 1)!;
		expect(document.totalChunks).toBe(31_774);
		// Every chunk of the map, page by page, against the bitmap itself.
		const seen = new Set<number>();
		let allocatedCells = 0;
		const check = (rows: ReturnType<typeof mapRows>) => {
			for (const {address, cells} of rows) {
				const first = (address - document.chunkBase) / 32;
				for (const [index, cell] of cells.entries()) {
					const dots = cell.codePointAt(0)! - 0x2800;
					for (let slot = 0; slot < 8; slot++) {
						const chunk = first + index * 8 + slot;
						if (chunk >= document.totalChunks) {
							expect(dots & DOT_OF_CHUNK[slot]!).toBe(0);
							continue;
						}

						expect([chunk, (dots & DOT_OF_CHUNK[slot]!) !== 0]).toEqual([chunk, isAllocated(document.bitmap, chunk)]);
						seen.add(chunk);
						allocatedCells += (dots & DOT_OF_CHUNK[slot]!) === 0 ? 0 : 1;
					}
				}
			}
		};

		check(mapRows(screen));
		expect(mapRows(screen)).toHaveLength(32);
		screen = await press(run, PAGE_DOWN, (lines) => lines[1]!.includes('map rows 33–64 of 83'));
		check(mapRows(screen));
		screen = await press(run, PAGE_DOWN, (lines) => lines[1]!.includes('map rows 52–83 of 83'));
		check(mapRows(screen));
		expect(seen.size).toBe(31_774);
		// 3,358 allocated chunks are 10.6% of 31,774; the rows seen twice (52–64) counted twice.
		expect(document.allocatedChunks).toBe(3358);
		expect(allocatedCells).toBeGreaterThanOrEqual(3358);

		// The histogram and the index, against the bitmap's own free runs.
		const runs: number[] = [];
		let length = 0;
		for (let chunk = 0; chunk <= document.totalChunks; chunk++) {
			if (chunk < document.totalChunks && !isAllocated(document.bitmap, chunk)) {
				length++;
			} else if (length > 0) {
				runs.push(length);
				length = 0;
			}
		}

		const free = runs.reduce((sum, run) => sum + run, 0);
		const largest = Math.max(...runs);
		expect([free, largest, runs.length]).toEqual([28_416, 24_735, 6]);
		expect(screen.join('\n')).toContain('free 28,416 chunks (909,312 bytes) in 6 runs');
		expect(screen.join('\n')).toContain('fragmentation index 0.130 = 1 − 24,735 /');
		expect((1 - largest / free).toFixed(3)).toBe('0.130');
		expect(screen.some((line) => /│ {2}16384–32767 {5}1 {2}791,520 /.test(line))).toBe(true);
		expect(screen.some((line) => /│ {2}1024–2047 {7}2 {2}101,728 /.test(line))).toBe(true);

		screen = await press(run, ESC, has('Kernel log'));
		expect(screen.some((line) => line.includes('▸ 1  backup'))).toBe(true);
	});

	test('k asks "will it fit": the pool answers by best fit from 128 chunks, the map scrolled to the chunk and marked', async () => {
		const run = await start(120, 40);
		await press(run, 'm', (lines) => lines[1]!.includes('Subheap #0') && mapRows(lines).length > 0);
		let screen = await press(run, 'k', has(' will it fit: kmalloc(▏  Enter asks · Esc cancel'));
		screen = await press(run, '4096\r', has('◂ fit: kmalloc(4,096) takes 129 chunks'));
		expect(screen[1]).toMatch(/^┌ Subheap #0 {2}map rows 94–125 of 166 /);
		const text = screen.join('\n');
		expect(text).toContain('(4,128 bytes) by best fit (from 128');
		expect(text).toContain('here: chunk 41,882, row 110, column 4;');
		expect(text).toContain('kmalloc returns V0xc0647344');
		// Row 110 of the map (the 17th shown) carries the mark; chunk 41,882 is free in the bitmap, and the 128 after it.
		expect(screen[3 + 16]).toMatch(/^│ c0647000 .* ◂ fit/);
		const document = buildSubheapDocument(run.session.simulation.kernel, 0)!;
		for (let chunk = 41_882; chunk < 41_882 + 129; chunk++) {
			expect(isAllocated(document.bitmap, chunk)).toBe(false);
		}

		expect(document.chunkBase + 41_882 * 32 + 4).toBe(0xc0_64_73_44);
		await press(run, ESC, has('Kernel log'));
	});

	test('a: the holders, sorted by live bytes, adding up to the heap\'s allocated bytes; < and > sort', async () => {
		const run = await start(120, 40);
		let screen = await press(run, 'a', has('Holders'));
		const document = run.session.snapshot();
		expect(document.holders!.reduce((sum, row) => sum + row.liveBytes, 0)).toBe(document.heap.allocatedBytes);
		expect(document.heap.allocatedBytes).toBe(2_017_536);
		const rows = screen.flatMap((line) => {
			const match = /^│ {2}(\S.*?) {2,}([\d,]+) {2,}([\d,]+) {2,}([\d.]+)%/.exec(line);
			return match && !match[1]!.startsWith('total') ? [{name: match[1]!, bytes: Number(match[3]!.replaceAll(',', ''))}] : [];
		});
		expect(rows).toHaveLength(32);
		expect(rows[0]).toEqual({name: 'Shell(35:35) · PhysicalPage (slab full)', bytes: 306_144});
		expect(rows.map((row) => row.bytes)).toEqual(rows.map((row) => row.bytes).sort((a, b) => b - a));
		expect(screen.find((line) => line.includes('total, 1–32 of 154'))).toMatch(/52,971 {3}2,017,536 {2}100\.0%/);
		// > moves the sort to the share column, < back to live bytes, then blocks.
		screen = await press(run, '>', has('share▾'));
		screen = await press(run, '<<', has('blocks▾'));
		const blocks = screen.flatMap((line) => {
			const match = /^│ {2}(\S.*?) {2,}([\d,]+) {2,}([\d,]+) /.exec(line);
			return match && !match[1]!.startsWith('total') ? [Number(match[2]!.replaceAll(',', ''))] : [];
		});
		expect(blocks[0]).toBe(9567);
		expect(blocks).toEqual([...blocks].sort((a, b) => b - a));
		await press(run, ESC, has('Kernel log'));
	});

	test('/Adding in the Kernel log: the expansion lines found and marked, n and N go through them', async () => {
		const run = await start(120, 40);
		let screen = await press(run, '/', has('Enter search · Esc cancel'));
		screen = await press(run, 'Adding\r', has('/Adding 4 matches'));
		// The newest match has the cursor (▸), the other shown one the match mark (•).
		expect(screen.some((line) => line.startsWith('│ › ▸[#0 WebContent(66:66)]: kmalloc(): Adding even more'))).toBe(true);
		expect(screen.some((line) => line.startsWith('│ › •[#0 WebContent(66:66)]: kmalloc(): Adding memory to'))).toBe(true);
		// A wrapped line keeps its indent under a mark.
		expect(screen.some((line) => line.startsWith('│      heap at V0xcd547000, bytes: 1048576'))).toBe(true);
		expect(screen.at(-2)).toMatch(/\/Adding: 4 matches \(n older, N newer\)$/);
		screen = await press(run, 'n', has(/│ › ▸\[#0 WebContent\(66:66\)\]: kmalloc\(\): Adding memory to/));
		expect(screen.at(-2)).toMatch(/\/Adding: match 3 of 4$/);
		screen = await press(run, 'N', has(/│ › ▸\[#0 WebContent\(66:66\)\]: kmalloc\(\): Adding even more/));
		// Esc drops the search: the title loses it, the log follows the newest again.
		screen = await press(run, ESC, (lines) => lines.some((line) => /^┌ Kernel log {2}dmesg ─/.test(line)));
		expect(screen.some((line) => line.startsWith('│ ›  [#0 WebContent(66:66)]: kmalloc(): Adding memory to'))).toBe(true);
	});

	test('the lifecycle: Tab to it, e shows one kind, / finds in it, Esc undoes each in turn', async () => {
		const run = await start(120, 40);
		await press(run, '\t', has('▸ 0  pool'));
		let screen = await press(run, '\t', (lines) => /^ ↑↓ PgUp PgDn scroll {2}\/ n N search {2}e E kind {2}Enter map {2}Home newest/.test(lines.at(-2)!));
		screen = await press(run, 'e', has('─ lifecycle: subheap-added ─'));
		const events = (lines: string[]) => lines.filter((line) => /^│ +t[\d,]+ /.test(line)).map((line) => line.slice(2, 54).trimEnd());
		expect(events(screen)).toEqual([
			't2,610 +  #4 added from region  V0xc4ba9000  2056K',
			't2,610 +  #3 added from backup  V0xcd547000  1024K',
			'  t982 +  #2 added from backup  V0xc3630000  1024K',
			'  t753 +  #1 added from backup  V0xc0801000  1024K',
		]);
		expect(screen.at(-2)).toMatch(/lifecycle: subheap-added events only \(e next kind, E previous\)$/);
		screen = await press(run, '/#2\r', has(/^│ {3}t982▸\+ {2}#2 added from backup/));
		expect(screen.at(-2)).toMatch(/\/#2: 1 match \(n older, N newer\)$/);
		// Enter on an event about a linked subheap opens its map.
		screen = await press(run, '\r', (lines) => lines[1]!.includes('Subheap #2'));
		screen = await press(run, ESC, has('─ lifecycle: subheap-added · held, Home follows ─'));
		screen = await press(run, ESC, has('─ lifecycle: subheap-added ─'));
		screen = await press(run, ESC, has('─ lifecycle ─'));
		expect(events(screen)).toHaveLength(7);
	});

	test('the mouse: a click focuses the table and selects a row, a second click opens it, the wheel scrolls the map', async () => {
		const run = await start(120, 40);
		const before = await run.stdout.screen();
		const row = before.findIndex((line) => line.startsWith('│   2  backup'));
		// SGR reports are 1-based: column 5 of that row, pressed then released.
		let screen = await press(run, `\u001B[<0;5;${row + 1}M\u001B[<0;5;${row + 1}m`, has('▸ 2  backup'));
		expect(screen.at(-2)).toMatch(/^ ↑↓ select/);
		// The title comes at once, the map when the engine has sent the subheap's document.
		screen = await press(run, `\u001B[<0;5;${row + 1}M`, (lines) => lines[1]!.includes('Subheap #2') && mapRows(lines).length > 0);
		expect(screen[1]).toMatch(/map rows 1–32 of 83/);
		screen = await press(run, '\u001B[<65;30;10M', (lines) => lines[1]!.includes('map rows 4–35 of 83'));
		screen = await press(run, '\u001B[<64;30;10M\u001B[<64;30;10M', (lines) => lines[1]!.includes('map rows 1–32 of 83'));
		await press(run, ESC, has('Kernel log'));
	});

	test('the wheel on the Kernel log scrolls it back and holds it; End follows the newest again', async () => {
		const run = await start(120, 40);
		const before = await run.stdout.screen();
		const row = before.findIndex((line) => line.startsWith('┌ Kernel log'));
		let screen = await press(run, `\u001B[<64;10;${row + 3}M`, has(/^┌ Kernel log {2}dmesg · held ─/));
		expect(screen.some((line) => line.includes('▸'))).toBe(true);
		screen = await press(run, '\u001B[F', (lines) => !lines.some((line) => line.includes('dmesg · held')));
	});
});

describe('exploring at 80×24', () => {
	test('Tab, ↓, Enter shows Subheap #1; a and / work; Esc returns', async () => {
		const run = await start(80, 24);
		await press(run, '\t', has('▸ 0'));
		await press(run, DOWN, has('▸ 1'));
		let screen = await press(run, '\r', (lines) => lines[1]!.includes('Subheap #1') && mapRows(lines).length > 0);
		expect(screen[1]).toMatch(/^┌ Subheap #1 {2}map rows 1–9 of 71 /);
		const document = buildSubheapDocument(run.session.simulation.kernel, 1)!;
		const rows = mapRows(screen);
		expect(rows).toHaveLength(9);
		expect(rows[0]!.cells).toHaveLength(56);
		expect(screen.join('\n')).toContain('fragmentation index 0.130');
		for (const {address, cells} of rows) {
			const first = (address - document.chunkBase) / 32;
			for (const [index, cell] of cells.entries()) {
				const dots = cell.codePointAt(0)! - 0x2800;
				for (let slot = 0; slot < 8; slot++) {
					const chunk = first + index * 8 + slot;
					expect((dots & DOT_OF_CHUNK[slot]!) !== 0).toBe(chunk < document.totalChunks && isAllocated(document.bitmap, chunk));
				}
			}
		}

		screen = await press(run, ESC, has('Kernel log'));
		screen = await press(run, 'a', has('Holders'));
		screen = await press(run, ESC, has('Kernel log'));
		expect(screen.length).toBe(24);
	});
});
