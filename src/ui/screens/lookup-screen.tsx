import { Box, Text } from 'ink';
import { TextField } from '../components/text-field.tsx';
import { Table, type ColumnSpec } from '../components/table.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import { useCardLookup } from '../hooks/use-card-lookup.ts';
import { fitWidth } from '../../text/display-width.ts';
import { MOVEMENT_LABELS, STATE_LABELS, type CardState, type MovementType } from '../../domain/card-states.ts';
import { formatLocalTime } from '../../domain/china-dates.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type LookupScreenProps = { width: number; height: number; isActive: boolean; initialQuery?: string };

type HistoryRow = { seq: string; at: string; type: string; state: string; site: string; operator: string };

const L = zh.lookup.columns;
const COLUMNS: ColumnSpec<HistoryRow>[] = [
  { key: 'seq', header: L.seq, width: 6, align: 'right' },
  { key: 'at', header: L.at, width: 16 },
  { key: 'type', header: L.type, width: 10 },
  { key: 'state', header: L.state, width: 8 },
  { key: 'site', header: L.site, width: 22 },
  { key: 'operator', header: L.operator, width: 8 },
];

export function LookupScreen({ width, height, isActive, initialQuery }: LookupScreenProps) {
  const q = useCardLookup(initialQuery);
  const card = q.card;
  const tableHeight = Math.max(1, height - 11);
  useKeyHandler(
    (e) => {
      if (matches('lookup.scroll', e)) {
        q.move(e.name === 'up' ? -1 : 1);
        return true;
      }
      if (matches('lookup.page', e)) {
        q.move(e.name === 'pageup' ? -tableHeight : tableHeight);
        return true;
      }
      if (matches('lookup.clear', e)) {
        q.clear();
        return true;
      }
      return false;
    },
    { priority: PRIORITY.screen, isActive },
  );
  const rows: HistoryRow[] = (card?.history ?? []).map((h) => ({
    seq: String(h.seq),
    at: formatLocalTime(h.at),
    type: MOVEMENT_LABELS[h.type as MovementType] ?? h.type,
    state: STATE_LABELS[h.toState as CardState] ?? h.toState,
    site: h.place ? `${h.to}/${h.place}` : h.to,
    operator: h.operator,
  }));
  const line = (s: string) => <Text>{fitWidth(s, width)}</Text>;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{zh.lookup.title}</Text>
      <TextField label={zh.lookup.prompt} value={q.input} onChange={q.setInput} onSubmit={q.search} focus={isActive} placeholder={zh.lookup.placeholder} width={Math.min(50, width)} labelWidth={4} />
      <Text color="red">{fitWidth(q.error ?? '', width)}</Text>
      {card ? (
        <>
          {line(`卡号 ${card.cardNo}  ${card.kind === 'finished' ? '成品卡' : '预制卡'}  状态：${STATE_LABELS[card.state as CardState] ?? card.state}（${formatLocalTime(card.stateSince)} 起）`)}
          {line(`${zh.lookup.place}：${card.site.name}（${card.site.code}）${card.place ? ` / ${card.place}` : ''}`)}
          {line(`${zh.lookup.batch} ${card.batch ?? '-'}  ${zh.lookup.box} ${card.box ?? '-'} / ${card.boxPosition ?? '-'}  ${card.bank} ${card.bankCardNo ?? ''}`)}
          {line(`${zh.lookup.holder}：${card.holder ? `${card.holder.name}  ${card.holder.idNumber}` : zh.lookup.noHolder}`)}
          {line(`${zh.lookup.history}（共 ${card.history.length} 条）`)}
          <Table data={rows} columns={COLUMNS} height={tableHeight} selectedIndex={q.selected} />
        </>
      ) : null}
    </Box>
  );
}
