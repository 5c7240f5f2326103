// The replay's live blocks, by the trace's pointer: where the simulated heap put each and how big
// it is.
//
// This is looked up once for every kmalloc and kfree of a replay, so it allocates nothing per
// event. A pointer is canonical hex (lowercase, no `0x`, no leading zeros: normalize-trace-pointer.ts);
// one of up to 16 digits (every 64-bit pointer) is keyed by its two 32-bit halves, read from its
// digits, in an open-addressing table of typed arrays: no string is hashed and none is kept. A
// Map keyed on the string cost a fresh hash a lookup and a copied key a live block (a CPU
// profile of a replay: 18 % of its time in the lookup, and the kept keys promoted for the
// collector to trace). Longer pointers (no kernel prints them, but a trace may hold anything) keep
// an exact Map of their own, as does anything not canonical hex. A 64-bit value has one canonical
// spelling, so both keyings are exact.

import {detachString} from './split-trace-lines.js';

/** The NULL pointer has no canonical spelling, so the key (0, 0) marks an empty entry. */
const emptyHigh = 0;
const emptyLow = 0;

const initialCapacity = 1024;

/** The value of one lowercase hex digit, or -1 for any other character. */
const digitValue = (code: number): number => {
	if (code >= 48 && code <= 57) {
		return code - 48;
	}

	return code >= 97 && code <= 102 ? code - 87 : -1;
};

/** The entry a key hashes to: MurmurHash3's finalizer on the halves, so aligned pointers spread. */
const home = (high: number, low: number, mask: number): number => {
	let hash = low ^ Math.imul(high, 0x9E_37_79_B1);
	hash = Math.imul(hash ^ (hash >>> 16), 0x85_EB_CA_6B);
	hash = Math.imul(hash ^ (hash >>> 13), 0xC2_B2_AE_35);
	return (hash ^ (hash >>> 16)) & mask;
};

/**
The live blocks by trace pointer. `find` gives a handle, valid until the next `add` or `delete`:
an entry of the table (0 or more), or -2 for the long pointer found last.
*/
export class LiveBlocks {
	#highs = new Int32Array(initialCapacity);
	#lows = new Int32Array(initialCapacity);
	#addresses = new Uint32Array(initialCapacity);
	#sizes = new Uint32Array(initialCapacity);
	#mask = initialCapacity - 1;
	#count = 0;
	/** The halves of the pointer `#split` read last. */
	#high = 0;
	#low = 0;
	readonly #long = new Map<string, {address: number; size: number}>();
	/** The long pointer's block `find` found last: its handle is -2. */
	#longFound = {address: 0, size: 0};

	get size(): number {
		return this.#count + this.#long.size;
	}

	/** The block's handle, or -1 when `ptr` is not live. */
	find(ptr: string): number {
		if (!this.#split(ptr)) {
			return this.#findLong(ptr);
		}

		const high = this.#high;
		const low = this.#low;
		const highs = this.#highs;
		const lows = this.#lows;
		const mask = this.#mask;
		for (let index = home(high, low, mask); ; index = (index + 1) & mask) {
			const entryLow = lows[index]!;
			const entryHigh = highs[index]!;
			if (entryLow === low && entryHigh === high) {
				return index;
			}

			if (entryLow === emptyLow && entryHigh === emptyHigh) {
				return -1;
			}
		}
	}

	address(handle: number): number {
		return handle >= 0 ? this.#addresses[handle]! : this.#longFound.address;
	}

	bytes(handle: number): number {
		return handle >= 0 ? this.#sizes[handle]! : this.#longFound.size;
	}

	/** Books a block for `ptr`, which must not be live. */
	add(ptr: string, address: number, size: number): void {
		if (!this.#split(ptr)) {
			this.#long.set(detachString(ptr), {address, size});
			return;
		}

		if ((this.#count + 1) * 2 > this.#mask + 1) {
			this.#grow();
		}

		this.#put(this.#high, this.#low, address, size);
		this.#count++;
	}

	/** Forgets the block `ptr` whose handle is `handle`. */
	delete(ptr: string, handle: number): void {
		if (handle < 0) {
			this.#long.delete(ptr);
			return;
		}

		this.#count--;
		this.#remove(handle);
	}

	clear(): void {
		this.#highs.fill(0);
		this.#lows.fill(0);
		this.#count = 0;
		this.#long.clear();
	}

	/**
	Reads a canonical pointer of 1 to 16 digits into #high and #low; false for a longer one, or for
	any string that is not canonical hex (none reaches here, but one would then be kept exactly, by
	its spelling, as before).
	*/
	#split(ptr: string): boolean {
		const {length} = ptr;
		if (length > 16 || length === 0 || ptr.charCodeAt(0) === 48) {
			return false;
		}

		const lowStart = length > 8 ? length - 8 : 0;
		let high = 0;
		let invalid = 0;
		for (let index = 0; index < lowStart; index++) {
			const digit = digitValue(ptr.charCodeAt(index));
			invalid |= digit;
			high = (high << 4) | digit;
		}

		let low = 0;
		for (let index = lowStart; index < length; index++) {
			const digit = digitValue(ptr.charCodeAt(index));
			invalid |= digit;
			low = (low << 4) | digit;
		}

		if (invalid < 0) {
			return false;
		}

		this.#high = high;
		this.#low = low;
		return true;
	}

	#findLong(ptr: string): number {
		const block = this.#long.get(ptr);
		if (block === undefined) {
			return -1;
		}

		this.#longFound = block;
		return -2;
	}

	#put(high: number, low: number, address: number, size: number): void {
		const mask = this.#mask;
		let index = home(high, low, mask);
		while (this.#lows[index] !== emptyLow || this.#highs[index] !== emptyHigh) {
			index = (index + 1) & mask;
		}

		this.#highs[index] = high;
		this.#lows[index] = low;
		this.#addresses[index] = address;
		this.#sizes[index] = size;
	}

	/** Empties `index` and moves back the entries after it that would no longer be found (linear probing's deletion, no tombstones). */
	#remove(index: number): void {
		const mask = this.#mask;
		const highs = this.#highs;
		const lows = this.#lows;
		let hole = index;
		for (let next = (hole + 1) & mask; ; next = (next + 1) & mask) {
			const high = highs[next]!;
			const low = lows[next]!;
			if (high === emptyHigh && low === emptyLow) {
				break;
			}

			// The entry at `next` may fill the hole when its home is not cyclically within (hole, next].
			const wanted = home(high, low, mask);
			if (((next - wanted) & mask) >= ((next - hole) & mask)) {
				highs[hole] = high;
				lows[hole] = low;
				this.#addresses[hole] = this.#addresses[next]!;
				this.#sizes[hole] = this.#sizes[next]!;
				hole = next;
			}
		}

		highs[hole] = emptyHigh;
		lows[hole] = emptyLow;
	}

	#grow(): void {
		const highs = this.#highs;
		const lows = this.#lows;
		const addresses = this.#addresses;
		const sizes = this.#sizes;
		const capacity = highs.length * 2;
		this.#highs = new Int32Array(capacity);
		this.#lows = new Int32Array(capacity);
		this.#addresses = new Uint32Array(capacity);
		this.#sizes = new Uint32Array(capacity);
		this.#mask = capacity - 1;
		for (let index = 0; index < highs.length; index++) {
			if (highs[index] !== emptyHigh || lows[index] !== emptyLow) {
				this.#put(highs[index]!, lows[index]!, addresses[index]!, sizes[index]!);
			}
		}
	}
}
