// Snapshots of every built-in workload (and a trace replay, and a panic) validate against the
// JSON Schema shipped in the package, which names every key they have.
import {readFileSync} from 'node:fs';
import {Ajv2020} from 'ajv/dist/2020.js';
import {describe, expect, it} from 'vitest';
import {buildSnapshot} from '../../source/engine/build-snapshot.js';
import {Simulation} from '../../source/engine/simulation.js';
import {createTraceWorkload} from '../../source/engine/trace/trace-workload.js';
import {builtinWorkloadNames, loadBuiltinWorkload} from '../../source/engine/workload-loader.js';
import {ftraceExcerptPath} from '../fixture-paths.js';

// Found from this file, not the working directory, so the test runs from any folder.
const schema = JSON.parse(readFileSync(new URL('../../source/snapshot.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2020({allErrors: true, strict: true}).compile(schema);

type Node = {properties?: Record<string, Node>; items?: Node; oneOf?: Node[]; additionalProperties?: unknown; $ref?: string};
const defs = (schema as {$defs: Record<string, Node>}).$defs;

// The keys of `value`, at any depth, that the schema does not name: the schema allows more keys
// (readers ignore what they do not know), so validation alone would not see one it lacks.
const unnamedKeys = (value: unknown, node: Node, at: string): string[] => {
	const resolved = node.$ref ? defs[node.$ref.replace('#/$defs/', '')]! : node;
	if (Array.isArray(value)) {
		return value.flatMap((item, index) => unnamedKeys(item, resolved.items ?? {}, `${at}[${index}]`));
	}

	if (value === null || typeof value !== 'object') {
		return [];
	}

	const options = resolved.oneOf?.filter(option => option.properties) ?? [resolved];
	return Object.entries(value).flatMap(([key, inner]) => {
		const named = options.find(option => option.properties?.[key]);
		if (named) {
			return unnamedKeys(inner, named.properties![key]!, `${at}.${key}`);
		}

		return options.some(option => typeof option.additionalProperties === 'object') ? [] : [`${at}.${key}`];
	});
};

const check = (document: unknown) => {
	const valid = validate(document);
	expect(validate.errors ?? []).toEqual([]);
	expect(valid).toBe(true);
	expect(unnamedKeys(document, schema as Node, '')).toEqual([]);
};

describe('the snapshot JSON Schema', () => {
	it.each(builtinWorkloadNames())('%s: 2,000 ticks validate', async (name) => {
		const simulation = new Simulation({seed: 1, revision: '2021-02-23', ramBytes: 512 * 1024 * 1024, workload: await loadBuiltinWorkload(name)});
		simulation.step(2000);
		check(JSON.parse(JSON.stringify(buildSnapshot(simulation))));
	});

	it('a panicked kernel on an old revision validates', async () => {
		const simulation = new Simulation({seed: 1, revision: '2020-08-29', ramBytes: 512 * 1024 * 1024, workload: await loadBuiltinWorkload('big-allocations')});
		simulation.step(100);
		const document = buildSnapshot(simulation);
		expect(document.panic?.kind).toBe('verify');
		check(JSON.parse(JSON.stringify(document)));
	});

	it('a trace replay validates, trace section included', async () => {
		const workload = await createTraceWorkload(ftraceExcerptPath, {size: 'req', msPerTick: null, strict: false});
		const simulation = new Simulation({seed: 1, revision: '2021-02-23', ramBytes: 512 * 1024 * 1024, workload});
		await workload.prepare(600);
		simulation.step(600);
		check(JSON.parse(JSON.stringify(buildSnapshot(simulation))));
	});

	it('rejects what it should: a wrong schema id, a bad address, an unknown event kind', () => {
		const simulation = new Simulation({seed: 1, revision: '2021-02-23', ramBytes: 512 * 1024 * 1024, workload: {name: 'idle', description: 'nothing', tick() {}}});
		const good = JSON.parse(JSON.stringify(buildSnapshot(simulation))) as Record<string, unknown> & {backup: Record<string, unknown>};
		expect(validate({...good, schema: 'kmtop.snapshot/2'})).toBe(false);
		expect(validate({...good, backup: {...good.backup, base: 'c0801000'}})).toBe(false);
		expect(validate({...good, events: [{tick: 1, kind: 'explosion', message: ''}]})).toBe(false);
	});
});
