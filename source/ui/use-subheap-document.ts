// The open `Subheap #N` view's document, asked of the engine (it has the kernel; this thread only
// has documents) when the view opens and again each time the engine publishes a new tick, one
// request at a time: a slow answer is never queued behind by more. While the simulation stands
// still (paused, frozen), nothing is asked again.

import {useEffect, useLayoutEffect, useRef, useState} from 'react';
import type {SubheapDocument} from '../engine/build-subheap-document.js';
import type {EngineLink} from '../engine/engine-link.js';

export type SubheapView = {
	document?: SubheapDocument;
	/** No longer linked: the tick the engine said so (the last document stays, as it was). */
	goneAt?: number;
	/** Why there is nothing to draw. */
	problem?: string;
};

type Held = SubheapView & {id: number};

export const useSubheapDocument = (engine: EngineLink, id: number | undefined, refreshKey: string): SubheapView => {
	const [held, setHeld] = useState<Held | undefined>(undefined);
	// What an answer arriving later is checked against: the view as last committed.
	const latest = useRef({id, refreshKey});
	useLayoutEffect(() => {
		latest.current = {id, refreshKey};
	});
	const asking = useRef<{inFlight: boolean; asked: string}>({inFlight: false, asked: ''});

	useEffect(() => {
		// Closed: nothing to ask. The last document is dropped when the next one arrives (it is
		// never shown for another subheap: see the return below).
		if (id === undefined) {
			return;
		}

		const ask = () => {
			const wanted = latest.current.id;
			if (wanted === undefined) {
				return;
			}

			asking.current = {inFlight: true, asked: `${wanted}|${latest.current.refreshKey}`};
			engine
				.subheapDocument(wanted)
				.then(
					(outcome) => {
						if (latest.current.id !== wanted) {
							return;
						}

						if ('document' in outcome) {
							setHeld({id: wanted, document: outcome.document});
							return;
						}

						const {tick, linked} = outcome.missing;
						setHeld((previous) =>
							previous?.id === wanted && previous.document
								? {...previous, goneAt: previous.goneAt ?? tick}
								: {id: wanted, problem: `subheap #${wanted} is not linked at tick ${tick.toLocaleString('en-US')} (linked: ${linked.map((one) => `#${one}`).join(' ')})`},
						);
					},
					(error: unknown) => {
						if (latest.current.id === wanted) {
							const problem = `the engine did not send subheap #${wanted}: ${error instanceof Error ? error.message : String(error)}`;
							setHeld((previous) => (previous?.id === wanted && previous.document ? previous : {id: wanted, problem}));
						}
					},
				)
				.finally(() => {
					asking.current.inFlight = false;
					const now = latest.current;
					if (now.id !== undefined && `${now.id}|${now.refreshKey}` !== asking.current.asked) {
						ask();
					}
				});
		};

		if (!asking.current.inFlight) {
			ask();
		}
	}, [engine, id, refreshKey]);

	return held !== undefined && held.id === id ? held : {};
};
