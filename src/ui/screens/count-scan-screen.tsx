import type { ContextId } from '../keys/registry.ts';
import { useLayoutEffect } from 'react';
import { Box, Text } from 'ink';
import { TextField } from '../components/text-field.tsx';
import { Line } from '../components/line.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useCountScan } from '../hooks/use-count-scan.ts';
import { FlagLines } from './shared/flag-lines.tsx';
import { CountScanBottom } from './count-scan/count-scan-bottom.tsx';
import { countScanKeys, hopperKey } from './count-scan/count-scan-keys.ts';
import { bottomOf, closedText, contextOf, fieldOf } from './count-scan/count-scan-view.ts';
import type { SubmitResult } from '../../workflows/stock-count.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type CountScanScreenProps = {
  actor: Actor;
  countId: number;
  width: number;
  height: number;
  isActive: boolean;
  onContext: (context: ContextId) => void;
  onSubmitted: (result: SubmitResult) => void;
  onLeave: () => void;
};

const C = zh.count;
const FLAG_LINES = 4;
/** Title, field, tally, the flags, the hint; then the table's header, rule and overflow line. */
const CHROME = 3 + FLAG_LINES + 1 + 3;

export function CountScanScreen({ actor, countId, width, height, isActive, onContext, onSubmitted, onLeave }: CountScanScreenProps) {
  const s = useCountScan(actor, countId, { onSubmitted, onLeave });
  const context = contextOf(s.mode);
  useLayoutEffect(() => onContext(context), [context]);
  const stray = useStrayScan();
  const asking = s.mode === 'submit' || s.mode === 'leave';
  useKeyHandler(hopperKey(s), { priority: PRIORITY.text + 1, isActive: isActive && s.mode === 'scan' && s.input === '' });
  useKeyHandler(countScanKeys(s, stray, onLeave), { priority: asking ? PRIORITY.modal : PRIORITY.screen, isActive });

  const title = C.scanTitle(countId, s.bank ?? C.allBanks);
  if (s.mode === 'closed') {
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Line text={title} width={width} bold />
        <Text color="red" wrap="wrap">
          {closedText(s.error, s.status)}
        </Text>
      </Box>
    );
  }
  const field = fieldOf(s);
  const tableRows = Math.max(1, height - CHROME);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line text={title} width={width} bold />
      <TextField label={field.label} value={s.input} onChange={s.setInput} onSubmit={s.submit} focus={isActive && field.editing} placeholder={field.placeholder} width={width} labelWidth={field.labelWidth} />
      <Line text={C.tally(s.counted, s.scans)} width={width} bold />
      <FlagLines flags={s.flags} count={FLAG_LINES} width={width} />
      <Line text={C.blindHint} width={width} dim />
      <CountScanBottom bottom={bottomOf(s, s.hoppers)} tableRows={tableRows} width={width} />
    </Box>
  );
}
