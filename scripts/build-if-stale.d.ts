/** Why dist/ must be rebuilt (`missing` or `stale`), or `undefined` when it is current. */
export function buildState(root?: string): 'missing' | 'stale' | undefined;
/** Builds dist/ when it is missing or older than a source, saying so on stderr first; whether it built. */
export function buildIfStale(options?: {label?: string; root?: string}): boolean;
