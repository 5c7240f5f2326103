// The terminal size for the layout: from the shell's store when there is one, else following
// Ink's stdout (its columns and rows, and its 'resize' events).

import {useStdout} from 'ink';
import {useMemo, useSyncExternalStore} from 'react';
import {createStreamSizeSource, type SizeSource, type TerminalSize} from './size-source.js';

export const useTerminalSize = (source?: SizeSource): TerminalSize => {
	const {stdout} = useStdout();
	const fallback = useMemo(() => createStreamSizeSource(stdout), [stdout]);
	const active = source ?? fallback;
	return useSyncExternalStore(active.subscribe, active.get, active.get);
};
