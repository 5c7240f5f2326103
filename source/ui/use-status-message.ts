// The footer's status line from the shell ("saved kmtop-….json"): shown for a few seconds.

import {useCallback, useEffect, useRef, useState} from 'react';

export const STATUS_MS = 6000;

export const useStatusMessage = (durationMs = STATUS_MS): [string | undefined, (text: string) => void] => {
	const [text, setText] = useState<string | undefined>(undefined);
	const timer = useRef<NodeJS.Timeout | undefined>(undefined);
	const show = useCallback(
		(next: string) => {
			clearTimeout(timer.current);
			setText(next);
			timer.current = setTimeout(() => {
				setText(undefined);
			}, durationMs);
		},
		[durationMs],
	);

	useEffect(
		() => () => {
			clearTimeout(timer.current);
		},
		[],
	);
	return [text, show];
};
