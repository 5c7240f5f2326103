// The footer's status line from the shell ("saved kmtop-….json"): shown for a few seconds, or
// until what it answered is over (a hint about the past, once the view is back at the present).

import {useCallback, useEffect, useRef, useState} from 'react';

export const STATUS_MS = 6000;

export type StatusMessage = [
	text: string | undefined,
	show: (text: string) => void,
	/** Takes `text` away now if it is still the one shown (a later message stays). */
	withdraw: (text: string) => void,
];

export const useStatusMessage = (durationMs = STATUS_MS): StatusMessage => {
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

	const withdraw = useCallback((shown: string) => {
		setText((current) => {
			if (current !== shown) {
				return current;
			}

			clearTimeout(timer.current);
			return undefined;
		});
	}, []);

	useEffect(
		() => () => {
			clearTimeout(timer.current);
		},
		[],
	);
	return [text, show, withdraw];
};
