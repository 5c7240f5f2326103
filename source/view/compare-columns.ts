// The widths of `kmtop compare --format text`'s side-by-side table (describe-compare.ts), here
// so the parser can refuse a --columns the table cannot fit without loading the report's code.

/** The column of row labels (`backup consumed / replaced`). */
export const COMPARE_LABEL = 28;
/** The narrowest a revision's column gets (a title wider than it is cut with …). */
export const COMPARE_MIN_SIDE = 24;
/** The mark after a row whose two sides differ. */
export const COMPARE_DIFFERS = '≠';
/** The narrowest --columns the table fits: the labels, two sides and the mark. */
export const COMPARE_MIN_COLUMNS = COMPARE_LABEL + 2 * COMPARE_MIN_SIDE + COMPARE_DIFFERS.length;
