import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {builtinWorkloadNames, loadBuiltinWorkload, loadWorkloadFile} from '../../source/engine/workload-loader.js';

const directory = mkdtempSync(path.join(tmpdir(), 'kmtop-workloads-'));
afterAll(() => {
	rmSync(directory, {recursive: true, force: true});
});

const file = (name: string, text: string): string => {
	const target = path.join(directory, name);
	writeFileSync(target, text);
	return target;
};

describe('built-in workloads', () => {
	it('are listed in the order of the live view keys', () => {
		expect(builtinWorkloadNames()).toEqual([
			'steady',
			'vmobject-churn',
			'logging-burst',
			'fragmentation',
			'big-allocations',
			'leak',
			'drain',
			'expansion-loop',
			'unlink-race',
			'backup-deadlock',
		]);
	});

	it.each(builtinWorkloadNames())('%s loads, with a one-line description', async (name) => {
		const workload = await loadBuiltinWorkload(name);
		expect(workload.name).toBe(name);
		expect(workload.description.length).toBeGreaterThan(20);
		expect(workload.description.length).toBeLessThanOrEqual(110);
	});

	it('an unknown name lists the valid ones', async () => {
		await expect(loadBuiltinWorkload('nope')).rejects.toThrow(
			'unknown workload "nope"; built-in workloads: steady, vmobject-churn, logging-burst, fragmentation, big-allocations, leak, drain, expansion-loop, unlink-race, backup-deadlock',
		);
	});
});

describe("a user's workload module", () => {
	it('loads from a path', async () => {
		const path = file('mine.mjs', "export default {name: 'mine', description: 'mine', tick() {}};");
		expect((await loadWorkloadFile(path)).name).toBe('mine');
	});

	it('is read once: a getter that answers otherwise later, or throws, is never read again; hooks run on the module\'s object', async () => {
		const path = file('shifty.mjs', [
			"let reads = 0;",
			"const calls = [];",
			"export {calls};",
			"export default {",
			"	get name() { return reads++ === 0 ? 'shifty' : 'steady'; },",
			"	description: 'd',",
			"	helper(tick) { calls.push(tick); },",
			"	get tick() { if (reads > 1) { throw new Error('tick read again'); } return function (kernel, ctx) { this.helper(ctx.tick); }; },",
			"};",
		].join('\n'));
		const workload = await loadWorkloadFile(path);
		expect([workload.name, workload.name]).toEqual(['shifty', 'shifty']);
		workload.tick({} as never, {tick: 7} as never);
		const {calls} = (await import(path)) as {calls: number[]};
		expect(calls).toEqual([7]);
		expect(Object.isFrozen(workload)).toBe(true);
	});

	it('a Proxy whose traps throw is refused in one line', async () => {
		const path = file('proxy.mjs', "export default new Proxy({}, {get() { throw new Error('proxy get'); }, has() { throw new Error('proxy has'); }, getPrototypeOf() { throw new Error('proxy proto'); }});");
		await expect(loadWorkloadFile(path)).rejects.toThrow(`${path}: reading the workload object failed: proxy get`);
	});

	it.each([
		['missing.mjs', null, 'missing.mjs: no such file'],
		['nodefault.mjs', 'export const x = 1;', 'nodefault.mjs: no default export (export default {name, description, tick})'],
		['notobject.mjs', 'export default 42;', 'notobject.mjs: the default export must be a workload object ({name, description, tick})'],
		['notick.mjs', "export default {name: 'no-tick', description: 'd'};", 'notick.mjs: workload "no-tick" has no tick(kernel, ctx) function'],
		['badname.mjs', "export default {name: 'Bad Name', description: 'd', tick() {}};", 'badname.mjs: the workload\'s name must be kebab-case (like "my-workload"), got "Bad Name"'],
		['nodescription.mjs', "export default {name: 'no-description', tick() {}};", 'nodescription.mjs: workload "no-description" needs a one-line description'],
		['duplicate.mjs', "export default {name: 'steady', description: 'd', tick() {}};", 'duplicate.mjs: the name "steady" is taken by a built-in workload; pick another'],
		['throws.mjs', "throw new Error('at import');", 'throws.mjs: failed to load: at import'],
		// Anything a module throws is the module's fault, described without calling into it unguarded.
		['throwsnull.mjs', 'throw null;', 'throwsnull.mjs: failed to load: threw null'],
		['throwsnumber.mjs', 'throw 42;', 'throwsnumber.mjs: failed to load: threw 42'],
		['throwsstring.mjs', "throw 'out of slots';", 'throwsstring.mjs: failed to load: out of slots'],
		['throwstostring.mjs', 'throw {toString() { throw new Error("again"); }};', 'throwstostring.mjs: failed to load: threw an object that cannot be converted to text'],
		['throwsmultiline.mjs', "throw new Error('first\\nsecond');", 'throwsmultiline.mjs: failed to load: first'],
		['getter.mjs', "export default {get name() { throw null; }, description: 'd', tick() {}};", 'getter.mjs: reading the workload object failed: threw null'],
		['bigname.mjs', "export default {name: 10n, description: 'd', tick() {}};", 'bigname.mjs: the workload\'s name must be kebab-case (like "my-workload"), got 10'],
		// A syntax error and a .ts file under plain Node: test/cli (they spawn the built CLI, where
		// imports are Node's own, not the test runner's).
	])('%s: a clear error naming the file and the problem', async (name, text, message) => {
		const target = text === null ? path.join(directory, name) : file(name, text);
		const error = await loadWorkloadFile(target).then(
			() => undefined,
			(error: Error) => error,
		);
		expect(error?.name).toBe('WorkloadLoadError');
		expect(error?.message).toBe(target + message.replace(/^[^:]+/, ''));
		expect(error?.message.startsWith(target)).toBe(true);
	});

	it.each([
		['/dev/zero', () => '/dev/zero', 'not a regular file (a device, a pipe or a socket)'],
		['a directory', () => directory, 'a directory'],
	])('%s: refused before Node reads it (a device never ends)', async (_, target, what) => {
		await expect(loadWorkloadFile(target())).rejects.toThrow(`${target()}: ${what}; a workload is a JavaScript module file (docs/workloads.md)`);
	});
});
