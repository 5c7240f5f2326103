// The engine's latest view, as React state: a render each time the engine publishes (a few times
// a second, and after each key), never per tick.

import {useSyncExternalStore} from 'react';
import type {EngineLink, LinkedView} from '../engine/engine-link.js';

export const useEngineView = (engine: EngineLink): LinkedView => useSyncExternalStore(engine.subscribe, engine.current);
