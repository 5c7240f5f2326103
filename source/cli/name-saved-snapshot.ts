// The file `s` in the live view saves to: `kmtop-WORKLOAD-REVISION-seedN-tickT.json`, and after
// a reboot `…-seedN-bootB-tickT.json`. The name once had neither: the usual way to watch a fix
// (see the bug on one revision, `v`, see it hold on the next) reaches the same tick on both, and
// the second save replaced the first without a word (big-allocations on 2020-08-28 and 2020-08-29
// both halt at tick 16).

import type {SnapshotDocument} from '../engine/snapshot-types.js';

export const nameSavedSnapshot = (document: Pick<SnapshotDocument, 'run' | 'made'>): string => {
	const {workload, revision, seed, tick} = document.run;
	const boot = document.made?.boot ?? 1;
	return `kmtop-${workload}-${revision}-seed${seed}${boot > 1 ? `-boot${boot}` : ''}-tick${tick}.json`;
};
