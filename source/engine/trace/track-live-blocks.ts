// The replay's live blocks, by the trace's pointer: where the simulated heap put each and how big
// it is.

/**
The live blocks by trace pointer: a slot each in two typed arrays rather than an object each, so a
replay of millions of blocks gives the garbage collector nothing to trace but the map's keys.
*/
export class LiveBlocks {
	readonly #slots = new Map<string, number>();
	#addresses = new Uint32Array(1024);
	#sizes = new Uint32Array(1024);
	readonly #freeSlots: number[] = [];
	#used = 0;

	get size(): number {
		return this.#slots.size;
	}

	/** The block's slot, or undefined when `ptr` is not live. */
	slot(ptr: string): number | undefined {
		return this.#slots.get(ptr);
	}

	address(slot: number): number {
		return this.#addresses[slot];
	}

	bytes(slot: number): number {
		return this.#sizes[slot];
	}

	add(ptr: string, address: number, size: number): void {
		const slot = this.#freeSlots.pop() ?? this.#grow();
		this.#addresses[slot] = address;
		this.#sizes[slot] = size;
		this.#slots.set(ptr, slot);
	}

	delete(ptr: string, slot: number): void {
		this.#slots.delete(ptr);
		this.#freeSlots.push(slot);
	}

	clear(): void {
		this.#slots.clear();
		this.#freeSlots.length = 0;
		this.#used = 0;
	}

	#grow(): number {
		if (this.#used === this.#addresses.length) {
			const addresses = new Uint32Array(this.#used * 2);
			const sizes = new Uint32Array(this.#used * 2);
			addresses.set(this.#addresses);
			sizes.set(this.#sizes);
			this.#addresses = addresses;
			this.#sizes = sizes;
		}

		return this.#used++;
	}
}
