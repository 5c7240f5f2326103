// backup-deadlock on every revision, 30,000 ticks (75 rounds): no workload error; 2020-08-29
// to 2020-12-26 hang at tick 2 (#4675), and a round leaves the heap as it found it (but for the
// subheap the grown range vector and subheap list keep).
import {describeThirtyThousandTicks} from './thirty-thousand-ticks.js';

describeThirtyThousandTicks('backup-deadlock', {
	'2020-08-28': {subheaps: 1},
	'2020-08-29': {panicAt: 2},
	'2020-09-02': {panicAt: 2},
	'2020-09-09': {panicAt: 2},
	'2020-11-04': {panicAt: 2},
	'2020-12-26': {panicAt: 2},
	'2020-12-31': {subheaps: 2},
	'2021-02-23': {subheaps: 2},
});
