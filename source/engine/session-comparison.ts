// The live session's `c` (live-comparison.ts is the pair itself): when a pair starts, which
// workload it boots with, and how far it runs, which is the present's tick and, once the present
// has halted, on at the session's rate for as long as the session is not paused.

import {LiveComparison} from './live-comparison.js';
import type {JournalEntry} from './session-journal.js';
import type {HookWatch, Simulation} from './simulation.js';
import type {Workload} from './workload-api.js';

/** What the comparison needs of the live session (live-session.ts). */
export type ComparisonHost = {
	readonly simulation: Simulation;
	readonly workloads: Workload[];
	readonly journal: readonly JournalEntry[];
	readonly rate: number;
	readonly paused: boolean;
	readonly now: () => number;
};

/** How the session booted: a pair boots the same way. */
export type ComparisonBoot = {
	seed: number;
	ramBytes: number;
	debugAsserts?: boolean;
	watch?: HookWatch;
	/** The workload the session's first boot started with. */
	initialWorkload: Workload;
};

export class SessionComparison {
	/** `c`: this boot's revision beside the next one, run alongside the present (live-comparison.ts). */
	comparison: LiveComparison | undefined;
	/** Ticks the comparison has gone on past a halted present (it runs on at the session's rate). */
	private comparisonLead = 0;
	/** The workload this boot started with (a comparison boots its pair with it). */
	private bootWorkload: Workload;
	private readonly session: ComparisonHost;
	private readonly options: ComparisonBoot;
	private readonly budgetMs: number;

	constructor(session: ComparisonHost, options: ComparisonBoot, budgetMs: number) {
		this.session = session;
		this.options = options;
		this.budgetMs = budgetMs;
		this.bootWorkload = options.initialWorkload;
	}

	/** `c`: starts or stops comparing this boot's revision with the next. */
	toggleComparison(): void {
		if (this.comparison) {
			this.comparison = undefined;
		} else {
			this.startComparison();
		}
	}

	/** The tick the comparison runs towards: the present's, and past a halted present, on at the rate. */
	get comparisonTarget(): number {
		return this.session.simulation.tick + Math.floor(this.comparisonLead);
	}

	/** `elapsedMs` of wall time went by: past a halted present, the other revision may not have stopped. */
	runOn(elapsedMs: number): void {
		const {session} = this;
		if (this.comparison && session.simulation.halted && !session.paused) {
			// The present has stopped; the other revision may not have: it goes on at the rate.
			this.comparisonLead += (session.rate * elapsedMs) / 1000;
		}
	}

	/** The comparison catches up with the present (a share of the engine's time), then keeps up with it. */
	advanceComparison(): void {
		this.comparison?.advance(this.comparisonTarget, this.session.journal, this.budgetMs / 2, this.session.now);
	}

	/** A reboot: the new boot's workload is the one its pair starts with, and an open comparison starts afresh. */
	rebooted(): void {
		this.bootWorkload = this.session.simulation.workload;
		if (this.comparison) {
			this.startComparison();
		}
	}

	private startComparison(): void {
		this.comparisonLead = 0;
		const {options, session} = this;
		this.comparison = new LiveComparison({
			seed: options.seed,
			ramBytes: options.ramBytes,
			debugAsserts: options.debugAsserts ?? false,
			revision: session.simulation.revision,
			boot: session.simulation.bootNumber,
			workload: this.bootWorkload,
			workloads: session.workloads,
			watch: options.watch,
		});
	}
}
