// The chunk map's block names: a subheap document names its holders as of its own tick; the
// snapshot's holders table, perhaps of another tick, only when the document has no names.
import {describe, expect, it} from 'vitest';
import type {SubheapDocument} from '../../source/engine/build-subheap-document.js';
import type {HolderRow, SnapshotDocument} from '../../source/engine/snapshot-types.js';
import {holderNamer} from '../../source/ui/explore-geometry.js';

const row = (id: number, process: string, purpose: string): HolderRow => ({
	id,
	process,
	purpose,
	workload: 'first',
	liveBlocks: 1,
	liveBytes: 128,
	share: 1,
	kmallocCount: 1,
	kfreeCount: 0,
});

// The table of a later tick: id 5 went to ls after cat's holder was retired.
const snapshot = {holders: [row(5, 'ls(41:41)', 'dirent'), row(6, 'sh(42:42)', 'argv')]} as unknown as SnapshotDocument;

const subheapWith = (holders?: SubheapDocument['blocks']['holders']): SubheapDocument =>
	({blocks: {firstChunk: new Uint32Array(), chunkCount: new Uint32Array(), ...(holders ? {holders} : {})}}) as unknown as SubheapDocument;

describe('holderNamer', () => {
	it("takes the subheap document's own names over the holders table", () => {
		const name = holderNamer(snapshot, subheapWith([{id: 5, process: 'cat(40:40)', purpose: 'buffer', workload: 'first'}]));
		expect([name(5), name(6)]).toEqual(['cat(40:40) · buffer · workload first', undefined]);
	});

	it('falls back on the holders table when the document has no names, or there is no document', () => {
		expect(holderNamer(snapshot, subheapWith())(5)).toBe('ls(41:41) · dirent · workload first');
		expect(holderNamer(snapshot)(6)).toBe('sh(42:42) · argv · workload first');
	});
});
