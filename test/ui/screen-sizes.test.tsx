// The dashboard at every size a user has (60×16 to 250×80), on documents from real runs, drawn
// by Ink into a headless xterm and read back: the header keeps the whole tick and the run state,
// nothing kmtop says is cut with `…`, and no panel leaves rows empty while another panel has
// more it could show in them (issue 12).

import {beforeAll, describe, expect, test} from 'vitest';
import {buildSnapshot} from '../../source/engine/build-snapshot.js';
import {Simulation} from '../../source/engine/simulation.js';
import type {SnapshotDocument} from '../../source/engine/snapshot-types.js';
import {createTraceWorkload} from '../../source/engine/trace/trace-workload.js';
import {loadAllBuiltinWorkloads, loadBuiltinWorkload} from '../../source/engine/workload-loader.js';
import {formatCount} from '../../source/view/format-number.js';
import {lifecycleEvents} from '../../source/view/select-events.js';
import type {ViewFacts} from '../../source/view/view-facts.js';
import {ftraceExcerptPath} from '../fixture-paths.js';
import {findPanels, type ScreenPanel} from './find-panels.js';

let renderScreen: typeof import('./render-screen.js').renderScreen;

const run = async (workload: string, ticks: number): Promise<SnapshotDocument> => {
	const simulation = new Simulation({seed: 1, revision: '2021-02-23', ramBytes: 512 * 1024 * 1024, workload: await loadBuiltinWorkload(workload)});
	simulation.step(ticks);
	return buildSnapshot(simulation);
};

const replay = async (): Promise<SnapshotDocument> => {
	const workload = await createTraceWorkload(ftraceExcerptPath, {size: 'req', msPerTick: null, strict: false});
	const simulation = new Simulation({seed: 1, revision: '2021-02-23', ramBytes: 512 * 1024 * 1024, workload});
	await workload.prepare(workload.lengthTicks!);
	simulation.step(workload.lengthTicks!);
	const document = buildSnapshot(simulation);
	await workload.close();
	return document;
};

const sizes = [
	[60, 16],
	[60, 20],
	[80, 24],
	[100, 30],
	[120, 40],
	[200, 60],
	[250, 80],
] as const;

const documents: Record<string, SnapshotDocument> = {};
let names: string[] = [];

beforeAll(async () => {
	({renderScreen} = await import('./render-screen.js'));
	names = (await loadAllBuiltinWorkloads()).map((workload) => workload.name);
	// Every run starts at once; each is awaited below.
	const entries = [
		['just booted', run('vmobject-churn', 0)],
		// Six subheaps, a hundred lifecycle events, the log full of kmalloc's lines.
		['vmobject-churn', run('vmobject-churn', 20_000)],
		// Long log lines from long process names, no lifecycle event yet.
		['logging-burst', run('logging-burst', 3000)],
		// 59 subheaps, nearly all full.
		['leak', run('leak', 20_000)],
		['trace replay', replay()],
		// Out of memory with 49 subheaps.
		['panic', run('big-allocations', 6000)],
	] as const;
	for (const [name, document] of entries) {
		documents[name] = await document;
	}
});

const factsFor = (document: SnapshotDocument): ViewFacts => ({
	live: true,
	rate: 100,
	achievedRate: 100,
	paused: false,
	workloads: document.trace ? [...names, 'trace'] : names,
	traceReplay: document.trace !== undefined,
});

/** The rows a panel leaves empty inside its frame. */
const blankRows = (panel: ScreenPanel): number => panel.rows.filter((row) => row.trim() === '').length;

/**
Whether a panel has more than it shows: a log without its oldest line, subheaps with some left
out (`+ 3 more`), a lifecycle without its oldest event.
*/
const hasMore = (panel: ScreenPanel, document: SnapshotDocument): boolean => {
	const text = panel.rows.join('\n');
	if (panel.title.startsWith('Kernel log')) {
		return document.dmesg.length > 0 && !text.includes(document.dmesg[0]!.slice(0, 24));
	}

	if (panel.title.startsWith('Subheaps')) {
		const events = lifecycleEvents(document.events).length;
		const shown = panel.rows.filter((row) => /(^| │ )t[\d,]+ \S/.test(row.trimStart())).length;
		return /\+ \d+ more/.test(text) || shown < events;
	}

	return false;
};

describe.each(sizes)('%i×%i', (columns, rows) => {
	test.each(['just booted', 'vmobject-churn', 'logging-burst', 'leak', 'trace replay'])('%s', async (name) => {
		const document = documents[name]!;
		const screen = await renderScreen(document, columns, rows, {facts: factsFor(document)});
		const shown = screen.join('\n');

		// The whole tick and the run state in the header, one line short of the terminal.
		expect(screen[0]).toContain(`tick ${formatCount(document.run.tick)}`);
		expect(screen[0]).toContain('▸ RUNNING');
		expect(screen.at(-1)).toBe('');
		expect(screen.every((line) => [...line].length <= columns)).toBe(true);

		// Nothing cut: only the footer's workload names are shortened (each still has its key).
		const footerNames = columns >= 100 && rows >= 32 ? screen.at(-3) : undefined;
		for (const line of screen.filter((row) => row !== footerNames)) {
			expect(line, shown).not.toContain('…');
		}

		// Every panel framed whole, and none with rows to spare while another has more to show.
		const panels = findPanels(screen);
		expect(panels.length).toBeGreaterThanOrEqual(2);
		const crowded = panels.filter((panel) => hasMore(panel, document)).map((panel) => panel.title);
		for (const panel of panels) {
			if (blankRows(panel) > 2) {
				expect(crowded, `${panel.title} leaves ${blankRows(panel)} rows empty\n${shown}`).toEqual([]);
			}
		}

		// Physical memory & slabs at every size: a panel or a line (a trace replay's may take its place).
		if (!document.trace) {
			expect(shown).toMatch(/Physical memory:|Physical \d+K\/\d+K/);
		}
	});

	test('the help overlay: every key, wrapped, never cut', async () => {
		const screen = await renderScreen(documents['vmobject-churn']!, columns, rows, {facts: factsFor(documents['vmobject-churn']!), helpOpen: true});
		const shown = screen.slice(0, -3).join('\n');
		expect(shown).toContain('Keys');
		for (const key of ['1..9, 0', 'w / W', 'space', '+ / -', 'v / V', 'q, Ctrl+C']) {
			expect(shown).toContain(`  ${key} `);
		}

		expect(shown).toMatch(/Kernel revisions/);
		expect(shown).not.toContain('…');
	});
});

test.each(sizes)('%i×%i: a kernel panic, the console and what was left, nothing cut', async (columns, rows) => {
	const document = documents.panic!;
	expect(document.panic).not.toBeNull();
	const screen = await renderScreen(document, columns, rows, {facts: factsFor(document)});
	expect(screen[0]).toContain(`tick ${formatCount(document.run.tick)}`);
	expect(screen[0]).toContain('× HALTED');
	expect(screen[1]).toMatch(/^┌ KERNEL PANIC at tick [\d,]+: out of memory ─+┐$/);
	const shown = screen.slice(0, columns >= 100 && rows >= 32 ? -3 : -2).join('\n');
	expect(shown).not.toContain('…');
	// Read as one text, the wrapped lines whole.
	const flat = shown.replaceAll('│', ' ').replaceAll(/\s+/g, ' ');
	expect(flat).toContain('kmalloc: Out of memory (requested size: 1016768)');
	expect(flat).toMatch(/largest free run \d+K \(\d+ bytes\)/);
	// r and q always on screen, in the panel or in the footer.
	expect(screen.join('\n')).toMatch(/r reboot/);
	expect(screen.join('\n')).toMatch(/q quit/);
});
