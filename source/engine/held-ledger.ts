// What workloads hold through the facade, booked without an object per block (issue 14). A block
// is one cell of an open-addressing table found by its address (4 ints: address, requested size,
// owner, age), so a kmalloc or a kfree through the facade touches one cache line of the ledger,
// the cell, and the cells after it in its probe run. An item's age is a counter's value when it was
// booked; `held()` sorts by it, building its objects only when called. (Before: a record a block in
// a doubly linked age list beside the index, so a kfree also read its record and both neighbours',
// three more cold lines on the hot path of every workload.) Regions are rare: a Map entry each,
// aged by the same counter, so blocks and regions interleave by age.

const NONE = -1;
const STRIDE = 4;
const ADDRESS = 0;
const SIZE = 1;
/** Owner + 1: 0 marks an empty cell (any address, 0 included, may be booked). */
const OWNER = 2;
/** When the block was booked (`nextAge` then). */
const AGE = 3;
/** Ages are int32s below this... */
export const MAX_AGE = 0x7fff_ffff;

/** ...and below this for a table of `cells` cells, so that every key of age and slot (sortedKeys) is an exact double. */
const ageLimit = (cells: number): number => Math.min(MAX_AGE, Math.floor(2 ** 53 / (cells + 1)));
/** Knuth's multiplicative constant: addresses differ from bit 5 up, the product's top bits mix them. */
const GOLDEN = 0x9e37_79b1;

export type HeldRecord =
	| {kind: 'block'; address: number; size: number; owner: number}
	| {kind: 'region'; record: number; owner: number};

type HeldRegion = {owner: number; age: number};

export class HeldLedger {
	/** STRIDE ints a cell, a power of two of cells. */
	private cells = new Int32Array(0);
	private shift = 0;
	/** Cells − 1. */
	private mask = 0;
	/** `ageLimit` of the table. */
	private ageLimit = 0;
	/**
	 * Blocks the table takes before it doubles: three quarters of its cells. The table shares the
	 * caches with the kernel's heap on every call, so it is kept small: the bench's replay (about
	 * 8,000 blocks live) keeps 16,384 cells, 256 KiB (512 KiB if it doubled at half).
	 */
	private capacity = 0;
	private blocks = 0;
	/** The next item's age. */
	private nextAge = 0;
	private readonly regions = new Map<number, HeldRegion>();
	private nextRegion = 0;

	/** `cells`: a power of two; `firstAge`: where ages start (tests start near MAX_AGE). */
	constructor(cells = 2048, firstAge = 0) {
		this.nextAge = firstAge;
		this.allocateCells(cells);
	}

	/** Blocks and regions booked. */
	get count(): number {
		return this.blocks + this.regions.size;
	}

	/** Books a block, the newest item; a block booked at the same address before is replaced. */
	addBlock(address: number, size: number, owner: number): void {
		if (this.blocks === this.capacity) {
			this.growCells();
		}

		const age = this.takeAge();
		const {cells, mask} = this;
		const key = address | 0;
		let cell = this.cellOf(key);
		while (cells[cell * STRIDE + OWNER] !== 0 && cells[cell * STRIDE + ADDRESS] !== key) {
			cell = (cell + 1) & mask;
		}

		const at = cell * STRIDE;
		if (cells[at + OWNER] === 0) {
			this.blocks++;
		}

		cells[at + ADDRESS] = key;
		cells[at + SIZE] = size;
		cells[at + OWNER] = owner + 1;
		cells[at + AGE] = age;
	}

	/** Books a region, the newest item; returns its record, which names it in `toArray` and `removeRecord`. */
	addRegion(owner: number): number {
		const record = this.nextRegion++;
		this.regions.set(record, {owner, age: this.takeAge()});
		return record;
	}

	/** Unbooks the block at `address`; returns its owner, or -1 when none is booked there. */
	removeBlock(address: number): number {
		const at = this.find(address | 0);
		if (at === NONE) {
			return NONE;
		}

		const owner = this.cells[at + OWNER]! - 1;
		this.deleteCell(at >>> 2); // STRIDE
		this.blocks--;
		return owner;
	}

	/** Unbooks a region's record. */
	removeRecord(record: number): void {
		this.regions.delete(record);
	}

	/** Every item, oldest first. */
	toArray(): HeldRecord[] {
		// Nothing to scan for: a workload asking every tick (drain, once all is given back) would
		// otherwise walk the whole table, which never shrinks, each time.
		if (this.count === 0) {
			return [];
		}

		const {cells} = this;
		const {keys, span, regionsByAge} = this.sortedKeys();
		const items: HeldRecord[] = [];
		for (const key of keys) {
			const slot = key % span;
			if (slot === span - 1) {
				const record = regionsByAge.get((key - slot) / span)!;
				items.push({kind: 'region', record, owner: this.regions.get(record)!.owner});
			} else {
				const at = slot * STRIDE;
				items.push({kind: 'block', address: cells[at + ADDRESS]! >>> 0, size: cells[at + SIZE]! >>> 0, owner: cells[at + OWNER]! - 1});
			}
		}

		return items;
	}

	/**
	 * A key an item, `age · span + slot` (its cell, or span − 1 for a region), sorted: the ages
	 * are below `ageLimit`, so every key is an exact double, and they sort by age.
	 */
	private sortedKeys(): {keys: Float64Array; span: number; regionsByAge: Map<number, number>} {
		const {cells} = this;
		const span = cells.length / STRIDE + 1;
		const keys = new Float64Array(this.count);
		let count = 0;
		for (let cell = 0; cell < span - 1; cell++) {
			if (cells[cell * STRIDE + OWNER] !== 0) {
				keys[count++] = cells[cell * STRIDE + AGE]! * span + cell;
			}
		}

		const regionsByAge = new Map<number, number>();
		for (const [record, region] of this.regions) {
			keys[count++] = region.age * span + span - 1;
			regionsByAge.set(region.age, record);
		}

		return {keys: keys.sort(), span, regionsByAge};
	}

	/** The next age: ages start afresh from 0, in the items' order, before they would pass the limit. */
	private takeAge(): number {
		if (this.nextAge >= this.ageLimit) {
			this.renumber();
		}

		return this.nextAge++;
	}

	/** Every item aged afresh, 0 up, in its order. */
	private renumber(): void {
		const {keys, span, regionsByAge} = this.sortedKeys();
		for (const [age, key] of keys.entries()) {
			const slot = key % span;
			if (slot === span - 1) {
				this.regions.get(regionsByAge.get((key - slot) / span)!)!.age = age;
			} else {
				this.cells[slot * STRIDE + AGE] = age;
			}
		}

		this.nextAge = keys.length;
	}

	/** The first int of the cell booking `key`, or NONE. */
	private find(key: number): number {
		const {cells, mask} = this;
		for (let cell = this.cellOf(key); ; cell = (cell + 1) & mask) {
			const at = cell * STRIDE;
			if (cells[at + OWNER] === 0) {
				return NONE;
			}

			if (cells[at + ADDRESS] === key) {
				return at;
			}
		}
	}

	private cellOf(key: number): number {
		return Math.imul(key, GOLDEN) >>> this.shift;
	}

	/** Backward-shift deletion: later cells of the probe run move up, so no tombstones pile up. */
	private deleteCell(cell: number): void {
		const {cells, mask} = this;
		let hole = cell;
		for (let probe = (cell + 1) & mask; ; probe = (probe + 1) & mask) {
			const at = probe * STRIDE;
			if (cells[at + OWNER] === 0) {
				break;
			}

			// The cell may move into the hole unless its home cell lies cyclically in (hole, probe].
			const home = this.cellOf(cells[at + ADDRESS]!);
			const staysPut = hole <= probe ? home > hole && home <= probe : home > hole || home <= probe;
			if (!staysPut) {
				const to = hole * STRIDE;
				cells[to + ADDRESS] = cells[at + ADDRESS]!;
				cells[to + SIZE] = cells[at + SIZE]!;
				cells[to + OWNER] = cells[at + OWNER]!;
				cells[to + AGE] = cells[at + AGE]!;
				hole = probe;
			}
		}

		cells[hole * STRIDE + OWNER] = 0;
	}

	private growCells(): void {
		const old = this.cells;
		if (this.nextAge >= ageLimit(2 * (old.length / STRIDE))) {
			this.renumber(); // while the keys of the smaller table are exact
		}

		this.allocateCells(2 * (old.length / STRIDE));
		const {cells, mask} = this;
		for (let from = 0; from < old.length; from += STRIDE) {
			if (old[from + OWNER] === 0) {
				continue;
			}

			let cell = this.cellOf(old[from + ADDRESS]!);
			while (cells[cell * STRIDE + OWNER] !== 0) {
				cell = (cell + 1) & mask;
			}

			cells.set(old.subarray(from, from + STRIDE), cell * STRIDE);
		}
	}

	private allocateCells(count: number): void {
		this.cells = new Int32Array(count * STRIDE);
		this.capacity = (count * 3) / 4;
		this.shift = 32 - Math.log2(count);
		this.mask = count - 1;
		this.ageLimit = ageLimit(count);
	}
}
