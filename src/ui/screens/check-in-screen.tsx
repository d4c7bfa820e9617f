import type { ContextId } from '../keys/registry.ts';
import { useLayoutEffect } from 'react';
import { Box } from 'ink';
import { TextField } from '../components/text-field.tsx';
import { Line } from '../components/line.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { useCheckIn, type CheckInMode } from '../hooks/use-check-in.ts';
import { FlagLines } from './shared/flag-lines.tsx';
import { CheckInPick } from './check-in/check-in-pick.tsx';
import { CheckInBottomPart } from './check-in/check-in-bottom.tsx';
import { checkInKeys } from './check-in/check-in-keys.ts';
import { batchRows, checkInView } from './check-in/check-in-view.ts';
import type { Actor } from '../../domain/actor.ts';

export type CheckInScreenProps = {
  actor: Actor;
  batch: string | null;
  width: number;
  height: number;
  isActive: boolean;
  onContext: (context: ContextId) => void;
  /** Leave the screen (after the operator agreed to drop an unconfirmed count). */
  onLeave: () => void;
};

const CONTEXT: Record<CheckInMode, ContextId> = {
  pick: 'checkin-batches',
  scan: 'checkin',
  'box-count': 'checkin',
  'damage-reason': 'checkin',
  confirm: 'confirm',
  leave: 'confirm',
  done: 'checkin-done',
};

export function CheckInScreen({ actor, batch, width, height, isActive, onContext, onLeave }: CheckInScreenProps) {
  const c = useCheckIn(actor, batch);
  useLayoutEffect(() => onContext(CONTEXT[c.mode]), [c.mode]);
  const asking = c.mode === 'confirm' || c.mode === 'leave';
  useKeyHandler(checkInKeys(c, onLeave), { priority: asking ? PRIORITY.modal : PRIORITY.screen, isActive });

  if (c.mode === 'pick') return <CheckInPick rows={batchRows(c.batches)} picked={c.picked} flag={c.flags[0]} width={width} height={height} />;
  const v = checkInView(c, c.place, c.custodian);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line text={v.title} width={width} bold />
      <Line text={v.custody} width={width} />
      <TextField label={v.label} value={c.input} onChange={c.setInput} onSubmit={c.submit} focus={isActive && v.editing} placeholder={v.placeholder} width={width} labelWidth={v.labelWidth} />
      <Line text={v.totals} width={width} bold />
      <FlagLines flags={c.flags} count={3} width={width} />
      <CheckInBottomPart bottom={v.bottom} width={width} height={height} />
    </Box>
  );
}
