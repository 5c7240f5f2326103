// Whether an object's own keys hold plain data only, so a copy may take them by assignment
// (clone-graph.ts) rather than reading every property's descriptor, many times slower.

/** Class prototypes and the key lists of their instances found to hold plain data only. */
const checkedShapes = new WeakMap<object, Set<string>>();

/** Plain objects pass; a class instance's keys are checked for getters once per class and key set. */
export const plainShape = (from: object, keys: string[]): boolean => {
	const prototype = Object.getPrototypeOf(from) as object | null;
	if (prototype === Object.prototype || prototype === null) {
		return true;
	}

	const signature = keys.join('\u0000');
	let checked = checkedShapes.get(prototype);
	if (checked?.has(signature)) {
		return true;
	}

	for (const key of keys) {
		if (!('value' in Reflect.getOwnPropertyDescriptor(from, key)!)) {
			return false;
		}
	}

	checked ??= new Set();
	checked.add(signature);
	checkedShapes.set(prototype, checked);
	return true;
};
