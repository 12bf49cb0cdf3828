/**
 * A review item's key (issue 13 §3 on the Trust register): its campaign's id and its number in the
 * campaign, "<campaign>:0000001". Unique across the Trust, since every item of a campaign is made by
 * the one command that starts it, and in order within a campaign, so a Trust-wide start (about
 * 370,000 items) appends to the key's index instead of scattering random keys through it.
 */
export const REVIEW_ITEM_ID = (campaign: string, window = ''): string =>
  `printf('%s:%07d', ${campaign}, row_number() OVER (${window}))`;
