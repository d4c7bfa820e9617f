/**
 * 登记造册 (GD Art. 12 一(三)) printed: a CSV for the spreadsheet a supervisor keeps and files,
 * and a compact text view for the terminal. Pure: no fs, no SQL, no Ink.
 */
import type { BatchRegister } from './batch-register.ts';
import { STATE_LABELS } from './card-states.ts';
import { formatLocalTime } from './china-dates.ts';
import { itemLines, spreadsheetCsv, textTable, TEXT_WIDTH, wrapText } from '../text/text-table.ts';
import { maskIdNumber } from './mask.ts';

const KIND_LABELS = { finished: '成品卡', prefab: '预制卡' } as const;

/** The register as a CSV for Excel or WPS: details, counts by state and by site, then every card. */
export function formatBatchRegisterCsv(reg: BatchRegister): string {
  const rows: (string | number)[][] = [
    ['批次', reg.batch.code],
    ['卡类', KIND_LABELS[reg.batch.kind]],
    ['银行', reg.batch.bank],
    ['卡商', reg.batch.maker],
    ['应有张数', reg.batch.declaredCount],
    ['范围', `${reg.scope.code} ${reg.scope.name}`],
    ['生成时间', formatLocalTime(reg.generatedAt)],
    ['生成人', reg.generatedBy],
    ['不在本辖区', reg.outsideScope],
    [],
    ['按状态'],
    ['状态', '张数'],
    ...reg.byState.map((s) => [s.label, s.n]),
    [],
    ['按网点'],
    ['网点编码', '网点', '状态', '张数'],
    ...reg.bySite.map((s) => [s.siteCode, s.siteName, s.label, s.n]),
    [],
    ['箱号', '箱内位置', '社保卡号', '姓名', '证件号码', '状态', '所在网点', '保管地点', '保管人/持有人', '状态时间'],
    ...reg.rows.map((r) => [
      r.box ?? '',
      r.boxPosition ?? '',
      r.cardNo,
      r.holderName ?? '',
      r.idNumber ?? '',
      STATE_LABELS[r.state],
      r.siteName,
      r.placeName ?? '',
      r.heldBy ?? '',
      formatLocalTime(r.since),
    ]),
  ];
  return spreadsheetCsv(rows);
}

/**
 * The register for the terminal, every line at most 80 columns. ID numbers are masked here
 * whatever the caller passed: a screen is seen by whoever stands behind the operator.
 */
export function formatBatchRegisterText(reg: BatchRegister): string {
  const { batch } = reg;
  const total = reg.byState.reduce((a, s) => a + s.n, 0);

  // One line per site, in the order the workflow sorted them.
  const sites = new Map<string, { name: string; items: string[] }>();
  for (const s of reg.bySite) {
    const entry = sites.get(s.siteCode) ?? { name: s.siteName, items: [] };
    entry.items.push(`${s.label} ${s.n}`);
    sites.set(s.siteCode, entry);
  }

  const idWidth = Math.max(0, ...reg.rows.map((r) => (r.idNumber === null ? 0 : maskIdNumber(r.idNumber).length)));
  const cardNoWidth = Math.max(0, ...reg.rows.map((r) => r.cardNo.length));
  const table =
    reg.rows.length === 0
      ? ['（本辖区内没有这个批次的卡片）']
      : textTable(
          [
            { header: '箱号', min: 3 },
            { header: '社保卡号', min: cardNoWidth },
            { header: '姓名', min: 6 },
            { header: '证件号码', min: idWidth },
            { header: '状态' },
            { header: '网点', min: 8 },
            { header: '保管人', min: 6 },
          ],
          reg.rows.map((r) => [
            r.box ?? '-',
            r.cardNo,
            r.holderName ?? '-',
            r.idNumber === null ? '-' : maskIdNumber(r.idNumber),
            STATE_LABELS[r.state],
            r.siteName,
            r.heldBy ?? '-',
          ]),
          TEXT_WIDTH,
          1,
        );

  const lines = [
    ...itemLines('登记造册  ', [`批次 ${batch.code}`, KIND_LABELS[batch.kind], `应有 ${batch.declaredCount} 张`]),
    ...itemLines('', [`范围 ${reg.scope.code} ${reg.scope.name}`, `本辖区 ${total} 张`, `不在本辖区 ${reg.outsideScope} 张`]),
    ...itemLines('', [`银行 ${batch.bank}`, `卡商 ${batch.maker}`]),
    ...wrapText(`生成 ${formatLocalTime(reg.generatedAt)}  ${reg.generatedBy}`, TEXT_WIDTH),
    ...itemLines('按状态：', reg.byState.length === 0 ? ['-'] : reg.byState.map((s) => `${s.label} ${s.n}`)),
    '按网点：',
    ...[...sites].flatMap(([code, s]) => itemLines('  ', [`${code} ${s.name}：`, ...s.items])),
    '',
    ...table,
  ];
  return `${lines.join('\n')}\n`;
}
