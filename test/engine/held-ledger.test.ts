// The facade's ledger of held items against a plain model (an array in age order), over random
// sequences that collide in the index, wrap around it, grow it, and reuse freed records.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {HeldLedger, MAX_AGE, type HeldRecord} from '../../source/engine/held-ledger.js';

type ModelItem = {kind: 'block'; address: number; size: number; owner: number} | {kind: 'region'; record: number; owner: number};

/** Kernel-like addresses: 32-byte chunk plus the 4-byte header, high in the 32-bit space. */
const address = fc.integer({min: 0, max: 4095}).map((chunk) => 0xc050_0000 + chunk * 32 + 4);

const step = fc.oneof(
	{weight: 5, arbitrary: fc.tuple(fc.constant('add' as const), address, fc.integer({min: 0, max: 0xffff_ffff}), fc.integer({min: 0, max: 3}))},
	{weight: 4, arbitrary: fc.tuple(fc.constant('remove' as const), address, fc.constant(0), fc.constant(0))},
	{weight: 1, arbitrary: fc.tuple(fc.constant('region' as const), fc.constant(0), fc.constant(0), fc.integer({min: 0, max: 3}))},
	{weight: 1, arbitrary: fc.tuple(fc.constant('free-region' as const), fc.nat(), fc.constant(0), fc.constant(0))},
);

describe('HeldLedger', () => {
	it('holds exactly what a model holds, oldest first, through thousands of random steps, its ages started afresh or not', () => {
		fc.assert(
			// Ages from just below their limit: they start afresh from 0 mid-sequence, in the items' order.
			fc.property(fc.array(step, {minLength: 200, maxLength: 3000}), fc.constantFrom(0, MAX_AGE - 100), (steps, firstAge) => {
				// A tiny start, so the sequences grow it several times.
				const ledger = new HeldLedger(8, firstAge);
				let model: ModelItem[] = [];
				for (const [kind, at, size, owner] of steps) {
					switch (kind) {
						case 'add': {
							ledger.addBlock(at, size, owner);
							model = model.filter((item) => item.kind !== 'block' || item.address !== at);
							model.push({kind: 'block', address: at, size, owner});
							break;
						}

						case 'remove': {
							const index = model.findIndex((item) => item.kind === 'block' && item.address === at);
							expect(ledger.removeBlock(at)).toBe(index === -1 ? -1 : model[index]!.owner);
							if (index !== -1) {
								model.splice(index, 1);
							}

							break;
						}

						case 'region': {
							model.push({kind: 'region', record: ledger.addRegion(owner), owner});
							break;
						}

						case 'free-region': {
							const regions = model.filter((item) => item.kind === 'region');
							if (regions.length > 0) {
								const region = regions[at % regions.length]!;
								ledger.removeRecord(region.record);
								model = model.filter((item) => item !== region);
							}

							break;
						}
					}
				}

				expect(ledger.toArray()).toEqual(model satisfies HeldRecord[]);
				expect(ledger.count).toBe(model.length);
			}),
			{numRuns: 60},
		);
	});

	it('finds every block after a deletion in a probe run that wraps around the end of the index', () => {
		// An 8-cell ledger; its hash is the top 3 bits of address × 0x9e3779b1.
		const home = (at: number) => Math.imul(at, 0x9e37_79b1) >>> 29;
		const withHome = (cell: number, skip = 0) => {
			for (let chunk = 0, found = 0; ; chunk++) {
				const at = 0xc050_0004 + chunk * 32;
				if (home(at) === cell && found++ === skip) {
					return at;
				}
			}
		};

		const [a, b, c] = [withHome(6), withHome(7), withHome(7, 1)];
		const ledger = new HeldLedger(8);
		ledger.addBlock(a, 1, 0); // cell 6
		ledger.addBlock(b, 2, 0); // cell 7
		ledger.addBlock(c, 3, 0); // its home, cell 7, is b's: it wraps around to cell 0
		expect(ledger.removeBlock(a)).toBe(0); // c's home (7) lies between the hole (6) and it (0): it stays
		expect([ledger.removeBlock(c), ledger.removeBlock(b), ledger.count]).toEqual([0, 0, 0]);
	});

	it('keeps requested sizes up to 4 GiB − 1 and addresses above 2 GiB intact', () => {
		const ledger = new HeldLedger();
		ledger.addBlock(0xffff_ffe4, 0xffff_ffff, 7);
		expect(ledger.toArray()).toEqual([{kind: 'block', address: 0xffff_ffe4, size: 0xffff_ffff, owner: 7}]);
		expect(ledger.removeBlock(0xffff_ffe4)).toBe(7);
		expect(ledger.removeBlock(0xffff_ffe4)).toBe(-1);
		expect(ledger.count).toBe(0);
	});
});
