// expansion-loop on every revision, 30,000 ticks (100 rounds): no workload error. 2020-08-29 and
// 2020-09-02 expand until memory runs out at tick 1 (the loop 678bbd29cac fixed); 2020-09-09 faults
// when the first round frees its fill (§5.5's unmapped subheap); elsewhere a round leaves the heap as
// it found it.
import {describeThirtyThousandTicks} from './thirty-thousand-ticks.js';

describeThirtyThousandTicks('expansion-loop', {
	'2020-08-28': {subheaps: 1},
	'2020-08-29': {panicAt: 1},
	'2020-09-02': {panicAt: 1},
	'2020-09-09': {panicAt: 299},
	'2020-11-04': {subheaps: 1},
	'2020-12-26': {subheaps: 1},
	'2020-12-31': {subheaps: 1},
	'2021-02-23': {subheaps: 1},
});
