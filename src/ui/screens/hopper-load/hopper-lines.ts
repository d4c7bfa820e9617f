import { kindOf } from '../../hooks/use-hopper-load.ts';
import type { StationChoice } from '../../../workflows/instant-stations.ts';
import type { LoadableBlank } from '../../../workflows/hopper-loading.ts';
import { displayWidth, fitWidth } from '../../../text/display-width.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const H = zh.hopperLoad;
/** The hopper's name column is as wide as the longest name, up to this. */
const NAME_WIDTH = 40;

/** `中国工商银行（东信和平）  余 4 张`, or 空, or not in the ledger. */
export function holdsText(s: StationChoice): string {
  if (!s.inLedger) return H.notInLedger;
  const kind = kindOf(s);
  return kind ? H.holds(kind.bank, kind.maker, s.remaining) : H.empty;
}

/** Each printer hopper on a row, the chosen one marked, with what it holds. */
export function hopperRows(stations: readonly StationChoice[], index: number): { key: string; text: string }[] {
  const name = (x: StationChoice) => H.hopperRow(x.hopperName, x.printerId, x.hopperNo);
  const nameWidth = Math.min(NAME_WIDTH, Math.max(...stations.map((x) => displayWidth(name(x)))));
  return stations.map((x, i) => ({ key: `${x.printerId}#${x.hopperNo}`, text: `${i === index ? '›' : ' '} ${fitWidth(name(x), nameWidth)}  ${holdsText(x)}` }));
}

/** The numbered list's last `rows` lines (the newest at the bottom), with a note for those above. */
export function listLines(cards: readonly LoadableBlank[], rows: number): string[] {
  if (rows <= 0) return [];
  const lines = cards.map((c, i) => `  ${H.nth(i + 1, c.cardNo)}`);
  if (lines.length <= rows) return lines;
  const shown = lines.slice(lines.length - (rows - 1));
  return [`  ${H.more(lines.length - shown.length)}`, ...shown];
}
