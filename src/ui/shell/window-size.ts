/**
 * The smallest window the console lays out in: 60 columns leave every table its key columns
 * (card and shipment numbers, dates, counts) once low-priority ones are dropped, and the footer
 * room for the way out; 16 rows leave the busiest screen (the sign-in result) one table row
 * after its fields. Below it the console shows one line asking for a larger window.
 */
export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;

export function tooSmall(size: { columns: number; rows: number }): boolean {
  return size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;
}
