// Where a graph holds something cloneGraph cannot copy exactly, and the error that says so.
// Kept apart from the copy itself: this walk runs only once a copy has failed.

/** Something in the graph that cannot be copied exactly; `path` says where (`.kernel.heap.onHang`). */
export class CloneError extends Error {
	readonly path: string;

	constructor(what: string, path: string) {
		super(`cannot copy ${what} at ${path || 'the root'}`);
		this.path = path;
	}
}

/** Built-ins whose state lives in internal slots no property walk can reach. */
export const uncopyable = new Set([
	'[object Promise]',
	'[object WeakMap]',
	'[object WeakSet]',
	'[object WeakRef]',
	'[object Generator]',
	'[object AsyncGenerator]',
	'[object FinalizationRegistry]',
]);

/** An array index key (`'0'`, `'12'`), as opposed to `length` or a named property. */
export const isIndex = (key: string): boolean => {
	const code = key.charCodeAt(0);
	return code >= 48 && code <= 57 && String(Number(key) >>> 0) === key;
};

/** Where the first uncopyable value is, for the error message: a breadth-first walk (rare, only on failure). */
export const locate = (root: unknown, error: CloneError, shared: (value: object) => boolean): string => {
	const seen = new Set<object>();
	const queue: Array<{value: unknown; path: string}> = [{value: root, path: ''}];
	while (queue.length > 0) {
		const {value, path} = queue.shift()!;
		if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value) || shared(value)) {
			continue;
		}

		seen.add(value);
		if (typeof value === 'function' || uncopyable.has(Object.prototype.toString.call(value)) || value instanceof SharedArrayBuffer) {
			return path;
		}

		if (value instanceof Map) {
			let index = 0;
			for (const [key, item] of value) {
				queue.push({value: key, path: `${path}.<key ${index}>`}, {value: item, path: `${path}.get(${describeKey(key, index)})`});
				index++;
			}
		} else if (value instanceof Set) {
			let index = 0;
			for (const item of value) {
				queue.push({value: item, path: `${path}.<item ${index++}>`});
			}
		}

		if (ArrayBuffer.isView(value)) {
			queue.push({value: value.buffer, path: `${path}.buffer`});
			continue;
		}

		for (const key of Reflect.ownKeys(value)) {
			const descriptor = Reflect.getOwnPropertyDescriptor(value, key)!;
			const name = typeof key === 'symbol' ? `[${key.description ?? 'symbol'}]` : Array.isArray(value) && isIndex(key) ? `[${key}]` : `.${key}`;
			if ('value' in descriptor) {
				queue.push({value: descriptor.value, path: `${path}${name}`});
			} else {
				queue.push({value: descriptor.get, path: `${path}${name} (getter)`}, {value: descriptor.set, path: `${path}${name} (setter)`});
			}
		}
	}

	return error.path;
};

const describeKey = (key: unknown, index: number): string =>
	typeof key === 'string' ? JSON.stringify(key) : typeof key === 'number' ? String(key) : `<key ${index}>`;
