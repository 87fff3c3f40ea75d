// The stacking order of everything Switchboard draws on a CRM page, from bottom to top: marks under numbers and
// case references, the hover dial button, and the screen-pop card, which must stay readable above all of them.
// Each is at the top of the page's own stacking order (CSS z-index is at most 2147483647).

/** Number marks (overlay fallback) and case-link badges. */
export const PAGE_MARKS_Z_INDEX = 2147483645;
/** The dial button shown beside a hovered number. */
export const DIAL_BUTTON_Z_INDEX = 2147483646;
/** The screen-pop card and its collapsed pill. */
export const SCREEN_POP_Z_INDEX = 2147483647;
