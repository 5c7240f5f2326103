// The live view's data store (the `bottom` way: collection, store and drawing apart). It owns
// the simulation and the knobs a user turns (rate, pause, freeze, workload, revision) and hands
// out snapshot documents; it never draws. Freeze is one flag here: the simulation goes on, the
// document handed out stays the one taken when the flag went up.

import {revisions} from '../kernel/revisions.js';
import {buildSnapshot} from './build-snapshot.js';
import type {JournalAction, JournalEntry, KnownHang} from './session-journal.js';
import {Simulation, type HookWatch} from './simulation.js';
import {isTraceWorkload} from './trace/trace-workload.js';
import type {SnapshotDocument} from './snapshot-types.js';
import type {Workload} from './workload-api.js';

/** The fastest rate `+` reaches, as --rate allows. */
export const MAX_RATE = 1_000_000;

export type LiveSessionOptions = {
	seed: number;
	revision: string;
	ramBytes: number;
	rate: number;
	debugAsserts?: boolean;
	/** The workloads the keys 1…9 and w/W cycle through, in order. */
	workloads: Workload[];
	initialWorkload: Workload;
	/** How long one `advance` may compute, so a rate beyond the machine does not freeze the screen. */
	budgetMs?: number;
	now?: () => number;
	/** The engine thread's watchdog hooks, and hangs to stop where they happened (a replay). */
	watch?: HookWatch;
	knownHangs?: KnownHang[];
};

export class LiveSession {
	readonly simulation: Simulation;
	readonly workloads: Workload[];
	rate: number;
	paused = false;
	frozen = false;
	/** Every key that changed the simulation, with its tick (session-journal.ts). */
	readonly journal: JournalEntry[] = [];
	/** Told of each journal entry before it takes effect (the entry survives a hook that then hangs). */
	onJournal: ((entry: JournalEntry) => void) | undefined;
	private frozenSnapshot: SnapshotDocument | undefined;
	private carry = 0;
	private readonly budgetMs: number;
	private readonly now: () => number;

	constructor(options: LiveSessionOptions) {
		this.workloads = options.workloads.includes(options.initialWorkload)
			? options.workloads
			: [...options.workloads, options.initialWorkload];
		this.rate = options.rate;
		this.budgetMs = options.budgetMs ?? 40;
		this.now = options.now ?? (() => performance.now());
		this.simulation = new Simulation({
			seed: options.seed,
			revision: options.revision,
			ramBytes: options.ramBytes,
			debugAsserts: options.debugAsserts,
			workload: options.initialWorkload,
			watch: options.watch,
			knownHangs: options.knownHangs,
		});
	}

	/** Runs the ticks `elapsedMs` of wall time owes at the current rate; returns how many ran. */
	advance(elapsedMs: number): number {
		if (this.paused || this.simulation.halted) {
			this.carry = 0;
			return 0;
		}

		this.carry += (this.rate * elapsedMs) / 1000;
		const owed = Math.floor(this.carry);
		this.carry -= owed;
		const started = this.now();
		let ran = 0;
		// In slices, so the time budget is checked often without reading the clock every tick.
		while (ran < owed && !this.simulation.halted) {
			const slice = Math.min(256, owed - ran);
			if (!this.traceReady(this.simulation.tick + slice)) {
				break;
			}

			ran += this.simulation.step(slice);
			if (this.now() - started > this.budgetMs) {
				this.carry = 0; // falling behind: drop the debt rather than snowball
				break;
			}
		}

		return ran;
	}

	/**
	 * A trace replay streams its file: the ticks wait until their records are read. Reading goes
	 * on in the background, a batch ahead, while the screen keeps drawing.
	 */
	private traceReady(tick: number): boolean {
		const {workload} = this.simulation;
		if (!isTraceWorkload(workload) || workload.isReady(tick)) {
			return true;
		}

		this.reading ??= workload.prepare(tick + 1000).then(
			() => {
				this.reading = undefined;
			},
			(error: unknown) => {
				this.reading = undefined;
				this.readError = error instanceof Error ? error.message : String(error);
			},
		);
		return false;
	}

	private reading: Promise<void> | undefined;
	/** A trace that failed to read part way (a strict-mode error, a truncated gzip). */
	readError: string | undefined;

	snapshot(): SnapshotDocument {
		return this.frozen && this.frozenSnapshot ? this.frozenSnapshot : buildSnapshot(this.simulation);
	}

	/** The live document, even while the display is frozen (what `s` saves). */
	liveSnapshot(): SnapshotDocument {
		return buildSnapshot(this.simulation);
	}

	togglePause(): void {
		this.paused = !this.paused;
	}

	/** `.`: one tick, while paused. */
	stepOnce(): void {
		if (this.paused) {
			this.simulation.step(1);
		}
	}

	/** `+`: twice as fast, up to the most --rate takes (so `++` is four times). */
	faster(): void {
		this.rate = Math.min(MAX_RATE, this.rate * 2);
	}

	/** `-`: half as fast, down to one tick a second (a slower --rate stays as it is). */
	slower(): void {
		this.rate = this.rate > 1 ? Math.max(1, this.rate / 2) : this.rate;
	}

	toggleFreeze(): void {
		this.frozen = !this.frozen;
		this.frozenSnapshot = this.frozen ? buildSnapshot(this.simulation) : undefined;
	}

	get workloadIndex(): number {
		return this.workloads.indexOf(this.simulation.workload);
	}

	/**
	0-based index into the list; out of range does nothing. On a halted kernel the switch reboots
	too: switching alone would leave a halted kernel with nothing to run.
	*/
	switchWorkload(index: number): void {
		const workload = this.workloads[index];
		if (!workload) {
			return;
		}

		if (workload !== this.simulation.workload) {
			this.apply({type: 'switch-workload', workload: workload.name});
		}

		if (this.simulation.halted) {
			this.reboot();
		}
	}

	cycleWorkload(direction: 1 | -1): void {
		const count = this.workloads.length;
		this.switchWorkload((this.workloadIndex + direction + count) % count);
	}

	/** `v` / `V`: the next or previous revision, rebooting with the same seed. */
	cycleRevision(direction: 1 | -1): void {
		const ids = revisions.map((revision) => revision.id as string);
		const index = ids.indexOf(this.simulation.revision);
		this.apply({type: 'reboot', revision: ids[(index + direction + ids.length) % ids.length]!});
	}

	reboot(): void {
		this.apply({type: 'reboot', revision: this.simulation.revision});
	}

	/** Does what a journal entry says, and keeps it in the journal (a replay calls it too). */
	apply(action: JournalAction): void {
		const entry = {tick: this.simulation.tick, action};
		this.journal.push(entry);
		this.onJournal?.(entry);
		if (action.type === 'switch-workload') {
			const workload = this.workloads.find((candidate) => candidate.name === action.workload);
			if (workload) {
				this.simulation.switchWorkload(workload);
			}
		} else {
			this.simulation.reboot(action.revision);
		}

		this.frozenSnapshot = this.frozen ? buildSnapshot(this.simulation) : undefined;
	}
}
