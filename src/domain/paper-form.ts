/**
 * What the printed forms (hand-over sheet, issuance receipt) share: the lines a pen fills in.
 */
import { displayWidth, fitWidth } from '../text/display-width.ts';
import { reportTexts } from '../i18n/domain/reports.ts';

/** A signature and a date blank per label, labels padded to one width so the blanks line up on paper. */
export function signatureLines(labels: readonly string[]): string[] {
  const lw = Math.max(...labels.map(displayWidth));
  const { blank, date } = reportTexts.sign;
  return labels.flatMap((l, i) => [...(i > 0 ? [''] : []), `${fitWidth(l, lw)}${blank}  ${date}`]);
}
