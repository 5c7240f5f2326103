// The ParseContext the CLI tests parse against: the built-in workloads and revisions written out
// rather than read from the kernel, so a test's figures stay pinned when one is added.
import type {ParseContext} from '../../source/cli/parse-arguments.js';

export const MiB = 1024 * 1024;

export const context: ParseContext = {
	workloadNames: ['vmobject-churn', 'logging-burst', 'fragmentation', 'big-allocations', 'leak', 'drain', 'steady'],
	revisionIds: ['2020-08-28', '2020-08-29', '2020-09-02', '2020-09-09', '2020-11-04', '2020-12-26', '2020-12-31', '2021-02-23'],
	defaultRevision: '2021-02-23',
	defaultWorkload: 'vmobject-churn',
	minRamBytes: 16 * MiB,
	maxRamBytes: 4096 * MiB,
};
