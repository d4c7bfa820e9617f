import type { ContextId } from '../keys/registry.ts';
import { useLayoutEffect } from 'react';
import { Box } from 'ink';
import { Line } from '../components/line.tsx';
import { PRIORITY, useKeyHandler, type KeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useSettle, type SettleStep } from '../hooks/use-settle.ts';
import { SettleMarking } from './settle/settle-marking.tsx';
import { answerQuestion } from './shared/question-keys.ts';
import { formatLocalTime } from '../../domain/china-dates.ts';
import type { OpenPickup } from '../../workflows/agent-pickup.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type SettleScreenProps = {
  actor: Actor;
  pickupRef: string;
  width: number;
  height: number;
  isActive: boolean;
  onContext: (context: ContextId) => void;
  onLeave: () => void;
};

type Settle = ReturnType<typeof useSettle>;
type Stray = ReturnType<typeof useStrayScan>;

const S = zh.settle;
const contextOf = (step: SettleStep): ContextId => (step === 'mark' ? 'settle' : step === 'done' ? 'settle-done' : 'confirm');
const asking = (step: SettleStep): boolean => step === 'confirm' || step === 'leave';
/** Title, agent line, the table's header, rule and overflow line, totals, message, two lines of question. */
const CHROME = 2 + 3 + 1 + 1 + 2;

const agentLine = (p: OpenPickup | null): string => (p ? S.agent(p.agent, p.authorisation, formatLocalTime(p.since).slice(0, 10)) : '');

function settleKeys(s: Settle, stray: Stray, onLeave: () => void): KeyHandler {
  return (e) => {
    if (asking(s.step)) return answerQuestion(stray, e, s.step === 'confirm' ? s.confirm : onLeave, s.cancelConfirm);
    if (s.step === 'mark') {
      if (stray.swallow(e, (k) => matches('settle.delivered', k) || matches('settle.unit-signed', k) || matches('settle.returned', k) || matches('help', k) || matches('quit', k))) return true;
      if (matches('settle.move', e)) return s.move(e.name === 'up' ? -1 : 1), true;
      if (matches('settle.delivered', e)) return s.mark('delivered'), true;
      if (matches('settle.returned', e)) return s.mark('returned'), true;
      if (matches('settle.unit-signed', e)) return s.mark('unit_signed'), true;
      if (matches('settle.confirm', e)) return s.toConfirm(), true;
    }
    if (matches('back', e) && s.back()) return true;
    return false;
  };
}

function SettleDone({ done, width }: { done: NonNullable<Settle['done']>; width: number }) {
  const result = S.done(done.delivered, done.returned);
  const after = done.stillHeld > 0 ? S.stillHeld(done.stillHeld) : S.allSettled;
  return (
    <>
      <Line text={result} width={width} color="green" />
      <Line text={after} width={width} />
      <Line text="" width={width} />
      <Line text={S.doneHint} width={width} />
    </>
  );
}

export function SettleScreen({ actor, pickupRef, width, height, isActive, onContext, onLeave }: SettleScreenProps) {
  const s = useSettle(actor, pickupRef);
  const context = contextOf(s.step);
  useLayoutEffect(() => onContext(context), [context]);
  const stray = useStrayScan();
  useKeyHandler(settleKeys(s, stray, onLeave), { priority: asking(s.step) ? PRIORITY.modal : PRIORITY.screen, isActive });
  const error = s.error ?? s.loadError ?? '';
  const title = S.title(pickupRef);
  const agent = agentLine(s.pickup);
  const tableHeight = Math.max(1, height - CHROME);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line text={title} width={width} bold />
      <Line text={agent} width={width} />
      {s.step === 'done' && s.done ? (
        <SettleDone done={s.done} width={width} />
      ) : (
        <SettleMarking cards={s.cards} marks={s.marks} index={s.index} step={s.step} delivered={s.delivered} returned={s.returned} error={error} width={width} tableHeight={tableHeight} />
      )}
    </Box>
  );
}
