// The live view's `c`: the current revision beside the next one, same seed and workload. Both
// are booted afresh as the present's boot was (same workload, the same switches at the same
// ticks) and run in lockstep (compare-runs.ts), first to catch up with the present, then along
// with it. A fresh pair, not the present itself: the first tick the two part is then exact,
// however long the session has run. Each side panics on its own; a reboot starts a new pair.

import {revisions} from '../kernel/revisions.js';
import {buildSnapshot} from './build-snapshot.js';
import {ComparedRuns} from './compare-runs.js';
import {applyJournalAction, type JournalEntry} from './session-journal.js';
import {Simulation, type HookWatch} from './simulation.js';
import type {BackupSummary, HeapSummary, PanicRecord, SubheapRow} from './snapshot-types.js';
import type {Workload} from './workload-api.js';

/** One side as the split screen shows it. */
export type ComparisonSide = {
	revision: string;
	tick: number;
	kernelHeap: string;
	memstat: Record<string, number>;
	heap: HeapSummary;
	backup: BackupSummary;
	subheaps: Array<Pick<SubheapRow, 'id' | 'origin' | 'base' | 'memoryBytes' | 'totalChunks' | 'allocatedChunks'>>;
	panic: PanicRecord | null;
};

export type ComparisonFacts = {
	sides: [ComparisonSide, ComparisonSide];
	/** The present's tick the pair runs towards (caught up when both sides are there or halted). */
	target: number;
	caughtUp: boolean;
	/** The first tick the two parted, once they have. */
	parted: number | null;
};

/** The revision after `id` in the list; for the newest, the one before it (there is no next). */
export const nextRevision = (id: string): string => {
	const ids = revisions.map((revision) => revision.id as string);
	const index = ids.indexOf(id);
	return index + 1 < ids.length ? ids[index + 1]! : ids[Math.max(0, index - 1)]!;
};

export type ComparisonStart = {
	seed: number;
	ramBytes: number;
	debugAsserts: boolean;
	revision: string;
	/** The boot of the session compared, the workload it started with, and the session's workloads. */
	boot: number;
	workload: Workload;
	workloads: readonly Workload[];
	watch?: HookWatch;
};

const sideOf = (simulation: Simulation): ComparisonSide => {
	const document = buildSnapshot(simulation);
	return {
		revision: document.run.revision,
		tick: document.run.tick,
		kernelHeap: document.systemMonitor.kernelHeap,
		memstat: {...document.memstat},
		heap: document.heap,
		backup: document.backup,
		subheaps: document.subheaps.map(({id, origin, base, memoryBytes, totalChunks, allocatedChunks}) => ({id, origin, base, memoryBytes, totalChunks, allocatedChunks})),
		panic: document.panic,
	};
};

export class LiveComparison {
	readonly boot: number;
	readonly runs: ComparedRuns;
	private readonly workloads: readonly Workload[];
	private applied = 0;

	constructor(start: ComparisonStart) {
		this.boot = start.boot;
		this.workloads = start.workloads;
		const make = (revision: string) =>
			new Simulation({seed: start.seed, ramBytes: start.ramBytes, debugAsserts: start.debugAsserts, revision, workload: start.workload, watch: start.watch});
		this.runs = new ComparedRuns([make(start.revision), make(nextRevision(start.revision))]);
	}

	/**
	Runs the pair towards `target` (the present's tick) for at most `budgetMs`, applying the boot's
	workload switches from `journal` where they happened. True once caught up.
	*/
	advance(target: number, journal: readonly JournalEntry[], budgetMs: number, now: () => number = () => performance.now()): boolean {
		const started = now();
		const switches = journal.filter((entry) => entry.boot === this.boot && entry.action.type === 'switch-workload');
		while (!this.caughtUp(target)) {
			const next = switches[this.applied];
			if (next && next.tick <= this.runs.tick) {
				for (const side of this.runs.sides) {
					applyJournalAction(side, next.action, this.workloads);
				}

				this.applied++;
				continue;
			}

			const until = next ? Math.min(next.tick, target) : target;
			this.runs.step(Math.max(1, Math.min(64, until - this.runs.tick)));
			if (now() - started > budgetMs) {
				break;
			}
		}

		return this.caughtUp(target);
	}

	caughtUp(target: number): boolean {
		return this.runs.halted || this.runs.tick >= target;
	}

	facts(target: number): ComparisonFacts {
		const [left, right] = this.runs.sides;
		return {
			sides: [sideOf(left), sideOf(right)],
			target,
			caughtUp: this.caughtUp(target),
			parted: this.runs.firstDifference?.tick ?? null,
		};
	}
}
