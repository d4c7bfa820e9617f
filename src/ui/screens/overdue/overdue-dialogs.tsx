import { TextField } from '../../components/text-field.tsx';
import { Line } from '../../components/line.tsx';
import { preview, statsLines, summary } from './overdue-lines.ts';
import type { EndFocus } from '../../hooks/use-overdue.ts';
import type { OverdueRow, CancellationRow, RecallStats } from '../../../workflows/recall.ts';
import type { RecallReason } from '../../../domain/recall-reasons.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const O = zh.overdue;
const LABEL_WIDTH = 12;

export type RecallDialogProps = {
  rows: readonly OverdueRow[];
  reasons: readonly RecallReason[];
  reasonIndex: number;
  note: string;
  error: string;
  /** The 其他 note field has the keys. */
  focus: boolean;
  width: number;
  onNote: (value: string) => void;
  onConfirm: (note: string) => void;
};

/** Recalling the chosen cards: the reason category (↑↓), and with 其他 the note. */
export function RecallDialog({ rows, reasons, reasonIndex, note, error, focus, width, onNote, onConfirm }: RecallDialogProps) {
  const title = O.recallTitle(rows.length, summary(rows));
  const cards = preview(rows);
  const choices = reasons.map((r, i) => ({ key: r.code, text: `${i === reasonIndex ? '›' : ' '} ${i === reasonIndex ? '●' : '○'} ${r.label}` }));
  const other = reasons[reasonIndex]?.code === 'other';
  return (
    <>
      <Line text={title} width={width} bold />
      <Line text={cards} width={width} dim />
      <Line text="" width={width} />
      <Line text={O.reasonPrompt} width={width} />
      {choices.map((c) => (
        <Line key={c.key} text={c.text} width={width} />
      ))}
      {other ? <TextField label={O.note} value={note} onChange={onNote} onSubmit={onConfirm} focus={focus} placeholder={O.notePlaceholder} width={width} labelWidth={LABEL_WIDTH} /> : <Line text="" width={width} />}
      <Line text="" width={width} />
      <Line text={error} width={width} color="red" />
      <Line text={O.recallHint} width={width} dim />
    </>
  );
}

export type EndDialogProps = {
  rows: readonly CancellationRow[];
  word: string;
  end: Readonly<Record<EndFocus, string>>;
  endFocus: EndFocus;
  suggestedReason: string;
  checking: boolean;
  error: string;
  /** The focused row has the keys (not while checking). */
  editable: boolean;
  width: number;
  onChange: (field: EndFocus, value: string) => void;
  onDone: (field: EndFocus, value: string) => void;
};

/** Cancelling or sealing the chosen cards: the reason, and the approving supervisor's 工号 and PIN. */
export function EndDialog({ rows, word, end, endFocus, suggestedReason, checking, error, editable, width, onChange, onDone }: EndDialogProps) {
  const field = (f: EndFocus) => ({ value: end[f], onChange: (v: string) => onChange(f, v), onSubmit: (v: string) => onDone(f, v), focus: editable && endFocus === f, width, labelWidth: LABEL_WIDTH });
  const status = checking ? { text: O.checking, color: 'yellow' } : { text: error, color: 'red' };
  const title = O.endTitle(word, rows.length);
  const cards = preview(rows);
  const hint = O.endHint(word);
  return (
    <>
      <Line text={title} width={width} bold />
      <Line text={cards} width={width} dim />
      <Line text="" width={width} />
      <TextField label={O.endReason} placeholder={suggestedReason} {...field('reason')} />
      <TextField label={O.approverLogin} {...field('login')} />
      <TextField label={O.approverPin} mask="*" {...field('pin')} />
      <Line text="" width={width} />
      <Line text={status.text} width={width} color={status.color} />
      <Line text={hint} width={width} color="yellow" />
    </>
  );
}

/** 回收统计 for the site and those below it: by category, then by site. */
export function StatsView({ stats, siteName, width, height }: { stats: RecallStats; siteName: string; width: number; height: number }) {
  const title = O.statsTitle(siteName, stats.total);
  const rule = '-'.repeat(width);
  const lines = statsLines(stats).slice(0, Math.max(1, height - 6));
  return (
    <>
      <Line text={title} width={width} bold />
      <Line text={rule} width={width} />
      {stats.total === 0 ? <Line text={O.statsNone} width={width} /> : null}
      {lines.map((l, i) => (
        <Line key={i} text={l} width={width} />
      ))}
      <Line text="" width={width} />
      <Line text={O.statsHint} width={width} dim />
    </>
  );
}
