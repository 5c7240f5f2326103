// Every row of docs/revisions.md's command table is true: the command, run as `kmtop snapshot`
// runs it (the same simulation, in-process), panics as the row says (kind, tick, first line) or
// not at all, with the SystemMonitor figures and subheap counts the row quotes.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {buildSnapshot} from '../../source/engine/build-snapshot.js';
import {Simulation} from '../../source/engine/simulation.js';
import {loadBuiltinWorkload} from '../../source/engine/workload-loader.js';
import {revisions} from '../../source/kernel/revisions.js';

const doc = readFileSync(new URL('../../docs/revisions.md', import.meta.url), 'utf8');
const rows = [...doc.matchAll(/^\| `kmtop snapshot --revision (\S+) -w (\S+) --ticks (\d+)` \| (.+) \|$/gm)].map(([, revision, workload, ticks, result]) => ({
	revision: revision!,
	workload: workload!,
	ticks: Number(ticks),
	result: result!,
}));

describe('docs/revisions.md, the command table', () => {
	it('has its rows', () => {
		expect(rows.length).toBeGreaterThanOrEqual(15);
	});

	it.each(rows)('--revision $revision -w $workload --ticks $ticks: $result', async ({revision, workload, ticks, result}) => {
		const simulation = new Simulation({seed: 1, revision, ramBytes: 512 * 1024 * 1024, workload: await loadBuiltinWorkload(workload)});
		simulation.step(ticks);
		const document = buildSnapshot(simulation);
		const panic = /^`(\w+)` at tick (\d+): `([^`]+)`/.exec(result);
		if (panic) {
			expect(document.panic).toMatchObject({kind: panic[1], tick: Number(panic[2])});
			expect(document.panic!.lines[0]).toBe(panic[3]);
		} else {
			expect(result).toMatch(/^no panic/);
			expect(document.panic).toBeNull();
			expect(document.run.tick).toBe(ticks);
		}

		for (const [, kernelHeap] of result.matchAll(/(\d+K\/\d+K)/g)) {
			expect(document.systemMonitor.kernelHeap).toBe(kernelHeap);
		}

		for (const [, count] of result.matchAll(/(\d+) subheaps/g)) {
			expect(document.heap.subheapCount).toBe(Number(count));
		}
	});
});

// The README's table of how each older revision fails, with seed 1: the kind of panic its words
// name, at the tick it gives.
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const failures = [...readme.matchAll(/^\| `(\d{4}-\d\d-\d\d)` \| `-w (\S+)` \| (.+) \|$/gm)].map(([, revision, workload, result]) => ({
	revision: revision!,
	workload: workload!,
	result: result!,
	tick: /\btick (\d+)/.exec(result!)?.[1],
	kind: /page fault/.test(result!) ? 'fault' : /hang/.test(result!) ? 'hang' : /ASSERTION FAILED/.test(result!) ? 'verify' : 'oom',
}));

describe('README, how each older revision fails', () => {
	it('has its rows', () => {
		expect(failures).toHaveLength(7);
	});

	it.each(failures)('--revision $revision -w $workload: $kind at tick $tick', async ({revision, workload, tick, kind}) => {
		const simulation = new Simulation({seed: 1, revision, ramBytes: 512 * 1024 * 1024, workload: await loadBuiltinWorkload(workload)});
		simulation.step(10_000);
		expect(simulation.halted).toBe(true);
		expect(buildSnapshot(simulation).panic).toMatchObject(tick === undefined ? {kind} : {kind, tick: Number(tick)});
	});
});

// The change table names each change at the revision whose record first has it, so a reader who
// checks a commit's date against the table finds it in the right row.
const changeRows = new Map(
	[...doc.matchAll(/^\| `(\d{4}-\d\d-\d\d)`(?: \(default\))? \| [^|]+ \| (.+) \|$/gm)].map(([, revision, text]) => [revision!, text!]),
);

describe('docs/revisions.md, the change table', () => {
	it.each([
		['allocationStrategyApi', '`AllocationStrategy`'],
		['memstatCommitted', 'committed page counts'],
		['klogCpuPrefix', '`[#0 …]`'],
		['oomMessage', '`KERNEL PANIC! :^(`'],
	] as const)('%s: only the row where the switch flips says %s', (name, words) => {
		const flips = revisions.filter((revision, index) => index > 0 && revision[name] !== revisions[index - 1]![name]).map((revision) => revision.id);
		expect(flips).toHaveLength(1);
		expect([...changeRows].filter(([, text]) => text.includes(words)).map(([revision]) => revision)).toEqual(flips);
	});
});
