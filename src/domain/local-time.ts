/** Times are stored in UTC; operators read them in China time (UTC+8, no DST). */
export function formatLocalTime(iso: string, withSeconds = false): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, withSeconds ? 19 : 16)}`;
}

export function localDate(iso: string): string {
  return formatLocalTime(iso).slice(0, 10);
}
