// What workloads hold through the facade, booked without an object per block (issue 14): one
// record an item in a single Int32Array (8 ints, one cache line: address, requested size, owner,
// kind, links), found by address through an open-addressing index, and kept oldest first by a
// doubly linked list through the records, so `held()` walks them in order and builds its objects
// only when called. A workload replaying 10,000 kmalloc/kfree calls a tick allocates nothing here
// but the odd doubling. Regions share the list (so blocks and regions interleave by age) but not
// the index: the facade keeps each region's handle by its record.

const NONE = -1;
const STRIDE = 8;
const ADDRESS = 0;
const SIZE = 1;
const OWNER = 2;
/** 1 for a region, 0 for a block. */
const REGION = 3;
const PREVIOUS = 4;
const NEXT = 5;
/** Knuth's multiplicative constant: addresses differ from bit 5 up, the product's top bits mix them. */
const GOLDEN = 0x9e37_79b1;

export type HeldRecord =
	| {kind: 'block'; address: number; size: number; owner: number}
	| {kind: 'region'; record: number; owner: number};

export class HeldLedger {
	private records: Int32Array;
	/** Record + 1 of the block with that address, 0 for an empty cell; twice the records, a power of two. */
	private index: Int32Array;
	private shift: number;
	private head = NONE;
	private tail = NONE;
	/** Freed records, threaded through NEXT. */
	private free = NONE;
	/** Records ever used: those past it are fresh. */
	private used = 0;
	private live = 0;

	constructor(capacity = 1024) {
		this.records = new Int32Array(capacity * STRIDE);
		this.index = new Int32Array(2 * capacity);
		this.shift = 32 - Math.log2(2 * capacity);
	}

	/** Blocks and regions booked. */
	get count(): number {
		return this.live;
	}

	/** Books a block, the newest item; a block booked at the same address before is replaced. */
	addBlock(address: number, size: number, owner: number): void {
		const record = this.append(address, size, owner, 0);
		const {index} = this;
		const mask = index.length - 1;
		for (let cell = this.cellOf(address); ; cell = (cell + 1) & mask) {
			const entry = index[cell]!;
			if (entry === 0) {
				index[cell] = record + 1;
				return;
			}

			if (this.records[(entry - 1) * STRIDE + ADDRESS] === (address | 0)) {
				this.unlink(entry - 1);
				index[cell] = record + 1;
				return;
			}
		}
	}

	/** Books a region, the newest item; returns its record, which names it in `toArray` and `removeRecord`. */
	addRegion(owner: number): number {
		return this.append(0, 0, owner, 1);
	}

	/** Unbooks the block at `address`; returns its owner, or -1 when none is booked there. */
	removeBlock(address: number): number {
		const {index, records} = this;
		const mask = index.length - 1;
		const key = address | 0;
		for (let cell = this.cellOf(address); ; cell = (cell + 1) & mask) {
			const entry = index[cell]!;
			if (entry === 0) {
				return NONE;
			}

			if (records[(entry - 1) * STRIDE + ADDRESS] === key) {
				this.deleteCell(cell);
				const owner = records[(entry - 1) * STRIDE + OWNER]!;
				this.unlink(entry - 1);
				return owner;
			}
		}
	}

	/** Unbooks a region's record. */
	removeRecord(record: number): void {
		this.unlink(record);
	}

	/** Every item, oldest first. */
	toArray(): HeldRecord[] {
		const items: HeldRecord[] = [];
		const {records} = this;
		for (let record = this.head; record !== NONE; record = records[record * STRIDE + NEXT]!) {
			const at = record * STRIDE;
			const owner = records[at + OWNER]!;
			items.push(
				records[at + REGION] === 0
					? {kind: 'block', address: records[at + ADDRESS]! >>> 0, size: records[at + SIZE]! >>> 0, owner}
					: {kind: 'region', record, owner},
			);
		}

		return items;
	}

	private append(address: number, size: number, owner: number, region: number): number {
		if (this.free === NONE && this.used * STRIDE === this.records.length) {
			this.grow();
		}

		let record: number;
		if (this.free === NONE) {
			record = this.used++;
		} else {
			record = this.free;
			this.free = this.records[record * STRIDE + NEXT]!;
		}

		const {records} = this;
		const at = record * STRIDE;
		records[at + ADDRESS] = address;
		records[at + SIZE] = size;
		records[at + OWNER] = owner;
		records[at + REGION] = region;
		records[at + PREVIOUS] = this.tail;
		records[at + NEXT] = NONE;
		if (this.tail === NONE) {
			this.head = record;
		} else {
			records[this.tail * STRIDE + NEXT] = record;
		}

		this.tail = record;
		this.live++;
		return record;
	}

	/** Takes a record out of the age list and onto the free list. */
	private unlink(record: number): void {
		const {records} = this;
		const at = record * STRIDE;
		const before = records[at + PREVIOUS]!;
		const after = records[at + NEXT]!;
		if (before === NONE) {
			this.head = after;
		} else {
			records[before * STRIDE + NEXT] = after;
		}

		if (after === NONE) {
			this.tail = before;
		} else {
			records[after * STRIDE + PREVIOUS] = before;
		}

		records[at + NEXT] = this.free;
		this.free = record;
		this.live--;
	}

	private cellOf(address: number): number {
		return Math.imul(address, GOLDEN) >>> this.shift;
	}

	/** Backward-shift deletion: later entries of the probe run move up, so no tombstones pile up. */
	private deleteCell(cell: number): void {
		const {index, records} = this;
		const mask = index.length - 1;
		let hole = cell;
		for (let probe = (cell + 1) & mask; ; probe = (probe + 1) & mask) {
			const entry = index[probe]!;
			if (entry === 0) {
				break;
			}

			// The entry may move into the hole unless its home cell lies cyclically in (hole, probe].
			const home = this.cellOf(records[(entry - 1) * STRIDE + ADDRESS]!);
			const staysPut = hole <= probe ? home > hole && home <= probe : home > hole || home <= probe;
			if (!staysPut) {
				index[hole] = entry;
				hole = probe;
			}
		}

		index[hole] = 0;
	}

	private grow(): void {
		const capacity = (this.records.length / STRIDE) * 2;
		const records = new Int32Array(capacity * STRIDE);
		records.set(this.records);
		this.records = records;
		this.index = new Int32Array(2 * capacity);
		this.shift = 32 - Math.log2(2 * capacity);
		const mask = this.index.length - 1;
		for (let record = this.head; record !== NONE; record = records[record * STRIDE + NEXT]!) {
			if (records[record * STRIDE + REGION] !== 0) {
				continue;
			}

			let cell = this.cellOf(records[record * STRIDE + ADDRESS]!);
			while (this.index[cell] !== 0) {
				cell = (cell + 1) & mask;
			}

			this.index[cell] = record + 1;
		}
	}
}
