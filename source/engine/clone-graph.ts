// An exact copy of an object graph: what time travel keeps of a simulation (checkpoints) and
// what it re-runs from. structuredClone will not do: it drops prototypes (a Heap comes back a
// plain object without its methods), so here every object keeps its prototype, its own property
// attributes (frozen stays frozen) and its identity within the graph (two references to one
// Region are two references to one copied Region; typed arrays over one buffer share the copy).
//
// Functions cannot be copied (a closure's variables are out of reach), so the graph must hold
// none, except those `shared` says are the same for every copy (a workload's module, its hooks).
// A function anywhere else is an error naming where it was found: state a closure holds would
// be shared between the copy and the original, and the copy would not be exact. The kernel and
// the engine keep their callbacks as methods for this reason.

import {CompactBuffer, StoredView, expandBuffer, type ViewKind} from './compact-buffer.js';
import {CloneError, isIndex, locate, uncopyable} from './locate-uncopyable.js';
import {plainShape} from './plain-shape.js';

export {CloneError} from './locate-uncopyable.js';
export {StoredView} from './compact-buffer.js';

export type CloneOptions = {
	/** Objects and functions kept by reference, not copied (immutable tables, workload modules). */
	shared?: (value: object) => boolean;
	/**
	Makes a copy to store, not to run: each buffer becomes what this gives for it (a compact
	form, compact-buffer.ts, maybe sharing an earlier copy's blocks) and each typed array a
	StoredView of it. Copying such a copy again gives one that runs, its buffers expanded.
	*/
	compact?: (source: ArrayBuffer) => CompactBuffer;
	/**
	The keys of a class's instances (by their prototype) that are derived from the rest of the
	object and rebuilt on demand: the copy holds undefined there (a stored copy need not keep a
	bitmap's search tree, its largest part after the words it is built from).
	*/
	derived?: (prototype: object) => readonly string[] | undefined;
};

export type ClonedGraph<T> = {
	value: T;
	/** An estimate of the memory the copy holds: buffers exactly (compact ones as stored), objects and strings roughly. */
	bytes: number;
	/** Each buffer of the original (a compact one, in a stored copy) and what the copy uses for it. */
	buffers: Map<ArrayBuffer | CompactBuffer, ArrayBuffer | CompactBuffer>;
};

const OBJECT_BYTES = 32;
const SLOT_BYTES = 8;
const STRING_BYTES = 16;

type Pending = {from: object; to: object};

// A view of the kind and place of the original, over the copy's buffer (a StoredView over a compact one).
const viewOf = (Kind: ViewKind, buffer: ArrayBuffer | CompactBuffer, byteOffset: number, length: number): object =>
	buffer instanceof CompactBuffer ? new StoredView(Kind, buffer, byteOffset, length) : new Kind(buffer, byteOffset, length);

/**
One copy's state, its steps as methods. They were closures made afresh by each cloneGraph call,
and V8 compiled them with TurboFan afresh for each copy: the code compiled for the last call's
closures did not outlive them (--trace-opt, Node 22, --rate 100000, 10-40 s after the start: 15
compiles each of copyOf, shellOf, fill and copyExtraProperties, one per checkpoint, fill 100-175
ms apiece). Methods are one function each for the process; their code is dropped only when it
held on to objects the collector freed ("weak objects"): 4-5 compiles each in the same window.
*/
class GraphCopier {
	readonly copies = new Map<object, object>();
	readonly buffers: Map<ArrayBuffer | CompactBuffer, ArrayBuffer | CompactBuffer> = new Map();
	readonly pending: Pending[] = [];
	bytes = 0;
	readonly shared: (value: object) => boolean;
	readonly compact: CloneOptions['compact'];
	readonly derived: CloneOptions['derived'];

	constructor(options: CloneOptions) {
		this.shared = options.shared ?? (() => false);
		this.compact = options.compact;
		this.derived = options.derived;
	}

	copyOf(value: unknown): unknown {
		if (typeof value === 'string') {
			this.bytes += STRING_BYTES + value.length;
			return value;
		}

		if ((typeof value !== 'object' && typeof value !== 'function') || value === null) {
			return value;
		}

		const known = this.copies.get(value);
		if (known !== undefined) {
			return known;
		}

		if (this.shared(value) || (this.compact && (value instanceof StoredView || value instanceof CompactBuffer))) {
			this.copies.set(value, value); // a stored copy's buffers are never written: another may hold them
			return value;
		}

		if (typeof value === 'function') {
			throw new CloneError('a function', '');
		}

		const copy = this.shellOf(value);
		this.copies.set(value, copy);
		if (!ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer) && !(value instanceof StoredView) && !(value instanceof CompactBuffer)) {
			this.pending.push({from: value, to: copy});
		}

		return copy;
	}

	bufferOf(buffer: ArrayBufferLike | CompactBuffer): ArrayBuffer | CompactBuffer {
		const known = this.copies.get(buffer);
		if (known !== undefined) {
			return known as ArrayBuffer | CompactBuffer;
		}

		let copy: ArrayBuffer | CompactBuffer;
		if (buffer instanceof CompactBuffer) {
			copy = expandBuffer(buffer);
			this.bytes += copy.byteLength + OBJECT_BYTES;
		} else if (buffer instanceof ArrayBuffer) {
			copy = this.compact ? this.compact(buffer) : buffer.slice(0);
			this.bytes += copy instanceof CompactBuffer ? copy.bytes : buffer.byteLength + OBJECT_BYTES;
		} else {
			throw new CloneError('a SharedArrayBuffer', '');
		}

		this.copies.set(buffer, copy);
		this.buffers.set(buffer, copy);
		return copy;
	}

	shellOf(value: object): object {
		if (ArrayBuffer.isView(value)) {
			const view = value as ArrayBufferView & {length?: number};
			const Kind = view.constructor as ViewKind;
			const length = view instanceof DataView ? view.byteLength : view.length!;
			this.bytes += OBJECT_BYTES;
			return viewOf(Kind, this.bufferOf(view.buffer), view.byteOffset, length);
		}

		if (value instanceof StoredView) {
			this.bytes += OBJECT_BYTES;
			return viewOf(value.kind, this.bufferOf(value.buffer), value.byteOffset, value.length);
		}

		if (value instanceof ArrayBuffer || value instanceof CompactBuffer) {
			return this.bufferOf(value);
		}

		const tag = Object.prototype.toString.call(value);
		if (uncopyable.has(tag)) {
			throw new CloneError(`a ${tag.slice(8, -1)}`, '');
		}

		const prototype = Object.getPrototypeOf(value) as object | null;
		this.bytes += OBJECT_BYTES;
		if (Array.isArray(value)) {
			const copy: unknown[] = new Array<unknown>(value.length);
			return prototype === Array.prototype ? copy : (Object.setPrototypeOf(copy, prototype) as unknown[]);
		}

		if (value instanceof Map) {
			return prototype === Map.prototype ? new Map() : (Object.setPrototypeOf(new Map(), prototype) as Map<unknown, unknown>);
		}

		if (value instanceof Set) {
			return prototype === Set.prototype ? new Set() : (Object.setPrototypeOf(new Set(), prototype) as Set<unknown>);
		}

		if (value instanceof Date) {
			return Object.setPrototypeOf(new Date(value.getTime()), prototype) as Date;
		}

		return Object.create(prototype) as object;
	}

	fill({from, to}: Pending): void {
		if (Array.isArray(from)) {
			const target = to as unknown[];
			const {length} = from;
			this.bytes += SLOT_BYTES * length;
			for (let index = 0; index < length; index++) {
				const item: unknown = from[index];
				if (item === undefined && !(index in from)) {
					continue; // a hole stays a hole
				}

				target[index] = typeof item === 'number' ? item : this.copyOf(item);
			}

			this.copyExtraProperties(from, to, true);
			return;
		}

		if (from instanceof Map) {
			this.bytes += 2 * SLOT_BYTES * from.size;
			for (const [key, item] of from) {
				(to as Map<unknown, unknown>).set(this.copyOf(key), this.copyOf(item));
			}
		} else if (from instanceof Set) {
			this.bytes += SLOT_BYTES * from.size;
			for (const item of from) {
				(to as Set<unknown>).add(this.copyOf(item));
			}
		}

		this.copyExtraProperties(from, to, false);
	}

	/** The keys of `from` to leave undefined in its copy (CloneOptions.derived). */
	derivedKeysOf(from: object): readonly string[] | undefined {
		if (this.derived === undefined) {
			return undefined;
		}

		const prototype = Object.getPrototypeOf(from) as object | null;
		return prototype === Object.prototype || prototype === null ? undefined : this.derived(prototype);
	}

	// Own properties, attributes and all. Most objects hold only plain writable data (class
	// fields, object literals): those are copied by assignment, which is many times faster than
	// reading every property's descriptor. A class's first instance is checked property by
	// property (an own getter would be read as a value otherwise); so is any object with hidden,
	// symbol-keyed or frozen properties. A getter defined on one plain object literal is read as
	// its value (docs/time-travel.md: a workload's state is plain data).
	copyExtraProperties(from: object, to: object, skipIndices: boolean): void {
		if (!skipIndices && Object.isExtensible(from)) {
			const keys = Object.keys(from);
			if (Object.getOwnPropertyNames(from).length === keys.length && Object.getOwnPropertySymbols(from).length === 0 && plainShape(from, keys)) {
				this.bytes += SLOT_BYTES * keys.length;
				const source = from as Record<string, unknown>;
				const target = to as Record<string, unknown>;
				const derived = this.derivedKeysOf(from);
				for (const key of keys) {
					const item = source[key];
					if (derived?.includes(key)) {
						target[key] = undefined;
					} else {
						target[key] = typeof item === 'number' ? item : this.copyOf(item);
					}
				}

				return;
			}
		}

		const derived = skipIndices ? undefined : this.derivedKeysOf(from);
		for (const key of Reflect.ownKeys(from)) {
			if (skipIndices && (key === 'length' || (typeof key === 'string' && isIndex(key)))) {
				continue;
			}

			const descriptor = Reflect.getOwnPropertyDescriptor(from, key)!;
			this.bytes += SLOT_BYTES;
			if ('value' in descriptor) {
				const item = typeof key === 'string' && derived?.includes(key) ? undefined : this.copyOf(descriptor.value);
				if (descriptor.writable && descriptor.enumerable && descriptor.configurable) {
					(to as Record<PropertyKey, unknown>)[key] = item;
				} else {
					Object.defineProperty(to, key, {...descriptor, value: item});
				}
			} else {
				Object.defineProperty(to, key, {...descriptor, get: this.copyOf(descriptor.get) as () => unknown, set: this.copyOf(descriptor.set) as (v: unknown) => void});
			}
		}

		if (!Object.isExtensible(from)) {
			if (Object.isFrozen(from)) {
				Object.freeze(to);
			} else if (Object.isSealed(from)) {
				Object.seal(to);
			} else {
				Object.preventExtensions(to);
			}
		}
	}
}

/** Copies `root`; throws CloneError when the graph holds something it cannot copy exactly. */
export const cloneGraph = <T>(root: T, options: CloneOptions = {}): ClonedGraph<T> => {
	const copier = new GraphCopier(options);
	try {
		const value = copier.copyOf(root) as T;
		while (copier.pending.length > 0) {
			copier.fill(copier.pending.pop()!);
		}

		return {value, bytes: copier.bytes, buffers: copier.buffers};
	} catch (error) {
		if (error instanceof CloneError) {
			throw new CloneError(error.message.replace(/^cannot copy | at the root$/g, ''), locate(root, error, copier.shared));
		}

		throw error;
	}
};
