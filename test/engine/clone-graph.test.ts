import {describe, expect, it} from 'vitest';
import {CloneError, cloneGraph} from '../../source/engine/clone-graph.js';

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

	it('keeps shared objects by reference and counts the bytes it copied', () => {
		const table = {revision: '2021-02-23'};
		const big = new Uint8Array(100_000);
		const {value: copy, bytes} = cloneGraph({table, big}, {shared: (value) => value === table});
		expect(copy.table).toBe(table);
		expect(bytes).toBeGreaterThanOrEqual(100_000);
		expect(bytes).toBeLessThan(101_000);
	});
});
