// docs/traces.md's example replay prints the keys a replay's document has, in its order: the
// example's `grep -A` window, run on the test fixture's replay, shows the same keys.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {buildSnapshot} from '../../source/engine/build-snapshot.js';
import {Simulation} from '../../source/engine/simulation.js';
import {createTraceWorkload} from '../../source/engine/trace/trace-workload.js';
import {ftraceExcerptPath} from '../fixture-paths.js';

const doc = readFileSync(new URL('../../docs/traces.md', import.meta.url), 'utf8');
const [, after, key, printed] = /^\$ kmtop snapshot --trace \S+ \| grep -A(\d+) '"(\w+)"'\n([\s\S]*?)^```$/m.exec(doc) ?? [];
const keysOf = (lines: string[]) => lines.map(line => /^\s*"(\w+)":/.exec(line)?.[1]);

describe('docs/traces.md, the example replay', () => {
	it('greps the document for the keys it shows', async () => {
		expect(key).toBe('eventsTotal');
		const workload = await createTraceWorkload(ftraceExcerptPath, {size: 'req', msPerTick: null, strict: false});
		const simulation = new Simulation({seed: 1, revision: '2021-02-23', ramBytes: 512 * 1024 * 1024, workload});
		await workload.prepare(600);
		simulation.step(600);
		// As `kmtop snapshot` prints it: two spaces a level.
		const lines = JSON.stringify(buildSnapshot(simulation), null, 2).split('\n');
		const start = lines.findIndex(line => line.includes(`"${key}"`));
		const shown = printed!.trimEnd().split('\n');
		expect(shown).toHaveLength(Number(after) + 1);
		expect(keysOf(shown)).toEqual(keysOf(lines.slice(start, start + Number(after) + 1)));
	});
});
