import { Box, Text } from 'ink';
import { TextField } from '../components/text-field.tsx';
import { Line } from '../components/line.tsx';
import { PRIORITY, useKeyHandler, type KeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import { useCardLookup, type CardLookup } from '../hooks/use-card-lookup.ts';
import { CardRecord } from './lookup/card-record.tsx';
import { zh } from '../../i18n/zh-CN.ts';

export type LookupScreenProps = { width: number; height: number; isActive: boolean; initialQuery?: string };

/** Rows above the history table: title, field, error, the five summary rows, the table's header and rule. */
const CHROME = 11;
const FIELD_WIDTH = 50;

function lookupKeys(q: CardLookup, page: number): KeyHandler {
  return (e) => {
    if (matches('lookup.scroll', e)) return q.move(e.name === 'up' ? -1 : 1), true;
    if (matches('lookup.page', e)) return q.move(e.name === 'pageup' ? -page : page), true;
    return false;
  };
}

export function LookupScreen({ width, height, isActive, initialQuery }: LookupScreenProps) {
  const q = useCardLookup(initialQuery);
  const tableHeight = Math.max(1, height - CHROME);
  const fieldWidth = Math.min(FIELD_WIDTH, width);
  const error = q.error ?? '';
  useKeyHandler(lookupKeys(q, tableHeight), { priority: PRIORITY.screen, isActive });
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{zh.lookup.title}</Text>
      <TextField label={zh.lookup.prompt} value={q.input} onChange={q.setInput} onSubmit={q.search} focus={isActive} placeholder={zh.lookup.placeholder} width={fieldWidth} labelWidth={4} />
      <Line text={error} width={width} color="red" />
      {q.card ? <CardRecord card={q.card} width={width} tableHeight={tableHeight} selected={q.selected} /> : null}
    </Box>
  );
}
