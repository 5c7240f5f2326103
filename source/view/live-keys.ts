// The live view's keys (the README's `kmtop [options]`), in the words `kmtop --help` uses, for
// the help overlay and the footer. One table, which `kmtop --help` (cli/help-text.ts) prints too,
// so the two cannot drift apart.

export type KeyRow = [keys: string, action: string];

export const liveKeys: KeyRow[] = [
	['1..9, 0', 'switch to the Nth workload, 0 the tenth (the kernel keeps running)'],
	['w / W', 'next / previous workload'],
	['space', 'pause / resume'],
	['.', 'one tick, while paused'],
	['+ / -', 'faster / slower'],
	['f', 'freeze the display; the simulation goes on'],
	['v / V', 'next / previous kernel revision (reboots, same seed)'],
	['r', 'reboot the kernel (same revision and seed)'],
	['← → [ ] g', 'back in time: 1 or 100 ticks, or to a tick'],
	['z / c', 'graph window / compare with the next revision'],
	['s', 'save a JSON snapshot now (of the tick shown)'],
	['?', 'show these keys'],
	['q, Ctrl+C', 'quit'],
];

/** The same keys in a few words each (15 columns at most), for the help in two columns on a small terminal. */
export const liveKeysShort: KeyRow[] = [
	['1..9, 0', 'workload N'],
	['w / W', 'cycle workloads'],
	['space', 'pause / resume'],
	['+ / -', 'faster / slower'],
	['f', 'freeze display'],
	['v / V', 'cycle revisions'],
	['r', 'reboot'],
	['← → [ ] g', 'travel; . step'],
	['z / c', 'zoom / compare'],
	['s', 'save snapshot'],
	['?', 'this help'],
	['q, Ctrl+C', 'quit'],
];

/** Moving around the live view (issue 15): focus, lists, search, the chunk map, the holders. */
export const exploreKeys: KeyRow[] = [
	['Tab / Shift+Tab', 'focus the next / previous panel: Subheaps, lifecycle, Kernel log, Holders'],
	['↑ ↓', 'move the selection in the focused panel (the map: scroll)'],
	['PgUp PgDn', 'a page up / down'],
	['Home End', 'first / last (End in the log, Home in the lifecycle: follow the newest again)'],
	['Enter', "open the selected subheap's chunk map (a lifecycle event: its subheap's)"],
	['Esc', 'back: close a view or the comparison, drop a search, leave the focus; stop a g run ahead'],
	['m', "the selected subheap's chunk map, Subheap #N"],
	['k', 'in the chunk map: will kmalloc(N bytes) fit here now, and where'],
	['a', 'who holds the heap, one row per holder, by live bytes'],
	['< / >', 'sort the holders by the previous / next column'],
	['/', 'search the focused list (the Kernel log when none is focused)'],
	['n / N', 'next older / newer match'],
	['e / E', 'show one kind of lifecycle event: next / previous kind'],
	['mouse', 'a click focuses a panel and selects a row; the wheel scrolls'],
];

/** The same in a few words each, for the help in two columns on a small terminal. */
export const exploreKeysShort: KeyRow[] = [
	['Tab / S-Tab', 'focus panel'],
	['↑↓ PgUp PgDn', 'move, scroll'],
	['Enter / Esc', 'open / back'],
	['m', 'chunk map'],
	['k', 'will it fit'],
	['a', 'holders'],
	['< / >', 'sort holders'],
	['/ n N', 'search, matches'],
	['e / E', 'event kind'],
	['mouse', 'click, wheel'],
];

/** What still works on the panic screen, and how the workload keys behave there. */
export const haltedKeys: KeyRow[] = [
	['r', 'reboot (same revision and seed)'],
	['v / V', 'reboot into the next / previous revision'],
	['1..9, 0, w / W', 'switch workload and reboot'],
	['s', 'save a JSON snapshot of the panic'],
	['q', 'quit'],
];

/**
What else works after a panic, for the help: the heap is still there to look at. Not on the panic
screen itself, whose rows would push out what led to the panic at 80×24 (its footer has ← / →, m and a).
*/
export const haltedLookKeys: KeyRow[] = [
	['← → [ ] g', 'back in time, to before the panic'],
	['m / a', 'the chunk map / the holders at the panic'],
];

/** Workloads the number keys reach: 1…9, then 0 for the tenth; any further ones only through w / W. */
export const NUMBERED_WORKLOADS = 10;

/** The number key that selects the workload at `index` (0-based), if one does. */
export const workloadKey = (index: number): string | undefined =>
	index >= 0 && index < NUMBERED_WORKLOADS ? String((index + 1) % 10) : undefined;
