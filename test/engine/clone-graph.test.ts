import {describe, expect, it} from 'vitest';
import {CloneError, cloneGraph, StoredView} from '../../source/engine/clone-graph.js';
import {BLOCK_BYTES, compactBuffer, CompactBuffer} from '../../source/engine/compact-buffer.js';

class Point {
	x: number;
	y: number;

	constructor(x: number, y: number) {
		this.x = x;
		this.y = y;
	}

	sum(): number {
		return this.x + this.y;
	}
}

class Counter {
	count = 0;

	get double(): number {
		return this.count * 2;
	}
}

describe('cloneGraph', () => {
	it('keeps prototypes, identity within the graph, cycles and typed arrays over one buffer', () => {
		const shared = new Point(1, 2);
		const buffer = new ArrayBuffer(16);
		const words = new Uint32Array(buffer);
		const bytes = new Uint8Array(buffer, 4, 4);
		words[1] = 0x01020304;
		const root = {a: shared, b: shared, list: [shared, 3, 'x'], map: new Map<object, Point>([[shared, new Point(5, 6)]]), set: new Set([shared]), words, bytes, self: undefined as unknown};
		root.self = root;
		const {value: copy} = cloneGraph(root);

		expect(copy).not.toBe(root);
		expect(copy.a).toBeInstanceOf(Point);
		expect(copy.a).not.toBe(shared);
		expect(copy.a.sum()).toBe(3);
		expect(copy.b).toBe(copy.a);
		expect(copy.list[0]).toBe(copy.a);
		expect(copy.self).toBe(copy);
		expect([...copy.map.keys()][0]).toBe(copy.a);
		expect(copy.map.get(copy.a)!.sum()).toBe(11);
		expect(copy.set.has(copy.a)).toBe(true);
		expect(copy.words.buffer).toBe(copy.bytes.buffer);
		expect(copy.words.buffer).not.toBe(buffer);
		expect([...copy.bytes]).toEqual([4, 3, 2, 1]);
		copy.words[1] = 0;
		expect([...copy.bytes]).toEqual([0, 0, 0, 0]);
		expect(words[1]).toBe(0x01020304);
	});

	it('copies are independent: changing one leaves the other as it was', () => {
		const root = {points: [new Point(1, 1)], counts: new Map([[1, 2]])};
		const {value: copy} = cloneGraph(root);
		copy.points[0]!.x = 9;
		copy.counts.set(1, 7);
		expect(root.points[0]!.x).toBe(1);
		expect(root.counts.get(1)).toBe(2);
	});

	it('keeps holes, frozen objects, hidden and read-only properties, and getters on the prototype', () => {
		const handle = Object.freeze({base: 0xc000_0000, size: 4096});
		const hidden = {};
		Object.defineProperty(hidden, 'secret', {value: 42});
		const counter = new Counter();
		counter.count = 4;
		// eslint-disable-next-line no-sparse-arrays
		const {value: copy} = cloneGraph({handle, hidden, counter, sparse: [1, , 3]});
		expect(Object.isFrozen(copy.handle)).toBe(true);
		expect(copy.handle).toEqual({base: 0xc000_0000, size: 4096});
		expect(Object.getOwnPropertyDescriptor(copy.hidden, 'secret')).toEqual({value: 42, writable: false, enumerable: false, configurable: false});
		expect(copy.counter.double).toBe(8);
		expect(1 in copy.sparse).toBe(false);
		expect(copy.sparse).toHaveLength(3);
	});

	it('refuses a function, naming where it is; a shared one is kept by reference', () => {
		const hook = () => 1;
		const root = {kernel: {heap: {subheaps: [{}, {onHang: hook}]}}};
		expect(() => cloneGraph(root)).toThrow(CloneError);
		expect(() => cloneGraph(root)).toThrow('cannot copy a function at .kernel.heap.subheaps[1].onHang');
		const {value: copy} = cloneGraph(root, {shared: (value) => value === hook});
		expect(copy.kernel.heap.subheaps[1]!.onHang).toBe(hook);
	});

	it('refuses a getter closure on an object with hidden properties, and what has internal slots', () => {
		const withGetter = {};
		Object.defineProperty(withGetter, 'tick', {get: () => 1, enumerable: false});
		expect(() => cloneGraph({context: withGetter})).toThrow('cannot copy a function at .context.tick (getter)');
		expect(() => cloneGraph({cache: new WeakMap()})).toThrow('cannot copy a WeakMap at .cache');
		expect(() => cloneGraph({pending: Promise.resolve()})).toThrow('cannot copy a Promise at .pending');
		function* counter() {
			yield 1;
		}

		expect(() => cloneGraph({steps: counter()})).toThrow('cannot copy a Generator at .steps');
	});

	it('leaves a class\'s derived fields undefined (and their buffers uncopied)', () => {
		class Indexed {
			items: number[];
			index: Uint32Array | undefined;
			constructor(items: number[]) {
				this.items = items;
				this.index = new Uint32Array(items);
			}
		}

		const derived = (prototype: object) => (prototype === Indexed.prototype ? ['index'] : undefined);

		const first = new Indexed([3, 1, 2]);
		const frozen = Object.freeze(new Indexed([9])); // copied key by key, not by assignment
		const root = {first, second: new Indexed([4]), frozen, plain: {index: new Uint32Array(2)}, point: new Point(1, 2)};
		const {value: copy, buffers} = cloneGraph(root, {derived});
		expect(copy.first).toBeInstanceOf(Indexed);
		expect(copy.first.items).toEqual([3, 1, 2]);
		expect(Object.keys(copy.first)).toEqual(['items', 'index']);
		expect([copy.first.index, copy.second.index, copy.frozen.index]).toEqual([undefined, undefined, undefined]);
		expect(Object.isFrozen(copy.frozen)).toBe(true);
		expect(copy.plain.index).toBeInstanceOf(Uint32Array); // a plain object's field of that name is no class's
		expect(first.index).toBeInstanceOf(Uint32Array); // the original keeps its own
		expect(buffers.has(first.index!.buffer as ArrayBuffer)).toBe(false);
		expect(buffers.has(root.plain.index.buffer)).toBe(true);
	});

	it('keeps shared objects by reference and counts the bytes it copied', () => {
		const table = {revision: '2021-02-23'};
		const big = new Uint8Array(100_000);
		const {value: copy, bytes} = cloneGraph({table, big}, {shared: (value) => value === table});
		expect(copy.table).toBe(table);
		expect(bytes).toBeGreaterThanOrEqual(100_000);
		expect(bytes).toBeLessThan(101_000);
	});
});

describe('cloneGraph, stored compact', () => {
	const graph = () => {
		const buffer = new ArrayBuffer(3 * BLOCK_BYTES);
		const words = new Uint32Array(buffer);
		words[5] = 0xdead_beef;
		const tail = new Uint16Array(buffer, 2 * BLOCK_BYTES, 8);
		tail[3] = 77;
		const view = new DataView(buffer, 16, 12);
		const ticks = new Float64Array(100).fill(-1);
		return {point: new Point(1, 2), words, tail, view, ticks, raw: buffer, lone: new ArrayBuffer(8)};
	};

	it('stores each buffer in the form `compact` gives and each typed array as a StoredView of it', () => {
		const root = graph();
		const {value: stored, bytes, buffers} = cloneGraph(root, {compact: (source) => compactBuffer(source)});
		const views = [stored.words, stored.tail, stored.view, stored.ticks] as unknown[];
		expect(views.every((view) => view instanceof StoredView)).toBe(true);
		const words = stored.words as unknown as StoredView;
		const tail = stored.tail as unknown as StoredView;
		expect(words.buffer).toBeInstanceOf(CompactBuffer);
		expect(tail.buffer).toBe(words.buffer); // one buffer, one form
		expect(stored.raw as unknown).toBe(words.buffer);
		expect([tail.kind, tail.byteOffset, tail.length]).toEqual([Uint16Array, 2 * BLOCK_BYTES, 8]);
		expect(buffers.get(root.raw)).toBe(words.buffer);
		// 12 KiB of mostly zeros: the two blocks with a word set are kept, the zero one repeats.
		expect(words.buffer.ownBlocks().length).toBe(2);
		expect(bytes).toBeLessThan(3 * BLOCK_BYTES);
		expect(stored.point).toBeInstanceOf(Point);
	});

	it('copied again, runs: views of the kinds and places of the original over new buffers with its bytes', () => {
		const root = graph();
		const {value: stored} = cloneGraph(root, {compact: (source) => compactBuffer(source)});
		const {value: copy, buffers} = cloneGraph(stored);
		expect(copy.words).toBeInstanceOf(Uint32Array);
		expect(copy.tail).toBeInstanceOf(Uint16Array);
		expect(copy.view).toBeInstanceOf(DataView);
		expect(copy.words.buffer).toBe(copy.tail.buffer);
		expect(copy.words.buffer).toBe(copy.raw);
		expect([copy.tail.byteOffset, copy.tail.length, copy.view.byteOffset, copy.view.byteLength]).toEqual([2 * BLOCK_BYTES, 8, 16, 12]);
		expect([...new Uint8Array(copy.raw)]).toEqual([...new Uint8Array(root.raw)]);
		expect([...copy.ticks]).toEqual([...root.ticks]);
		expect(copy.view.getUint32(4, true)).toBe(0xdead_beef);
		expect(copy.lone.byteLength).toBe(8);
		expect(buffers.get((stored.words as unknown as StoredView).buffer)).toBe(copy.raw);
		// Running the copy writes nothing stored: a second copy is as the first was.
		copy.words.fill(3);
		const {value: again} = cloneGraph(stored);
		expect(again.words[5]).toBe(0xdead_beef);
		expect(again.words[6]).toBe(0);
	});

	it('a stored copy stored again keeps its forms by reference (they are never written)', () => {
		const {value: stored} = cloneGraph(graph(), {compact: (source) => compactBuffer(source)});
		const {value: restored} = cloneGraph(stored, {compact: () => {
			throw new Error('no buffer to compact');
		}});
		expect(restored.words).toBe(stored.words);
		expect(restored.point).not.toBe(stored.point);
	});
});
