import type { ScreenProps } from './screen-props.ts';
import type { ContextId } from '../keys/registry.ts';
import { useLayoutEffect } from 'react';
import { Box } from 'ink';
import { Line } from '../components/line.tsx';
import { PRIORITY, useKeyHandler, type KeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useNewPickup, type PickupStep } from '../hooks/use-new-pickup.ts';
import { PickupDetails } from './pickup/pickup-details.tsx';
import { PickupScan } from './pickup/pickup-scan.tsx';
import { answerQuestion } from './shared/question-keys.ts';
import { maskIdNumber } from '../../domain/mask.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type PickupScreenProps = ScreenProps & {
  onLeave: () => void;
};

type Pickup = ReturnType<typeof useNewPickup>;
type Stray = ReturnType<typeof useStrayScan>;

const P = zh.pickup;
const asking = (step: PickupStep): boolean => step === 'confirm' || step === 'leave';

function contextOf(step: PickupStep): ContextId {
  if (step === 'details') return 'pickup-details';
  if (step === 'scan') return 'pickup-scan';
  if (step === 'done') return 'pickup-done';
  return 'confirm';
}

function pickupKeys(p: Pickup, stray: Stray, onLeave: () => void): KeyHandler {
  return (e) => {
    // N: back to the cards (or the details); a card scanned by habit must not record the pickup or drop the form.
    if (asking(p.step)) return answerQuestion(stray, e, p.step === 'confirm' ? p.confirm : onLeave, p.back);
    if (p.step === 'details' && matches('pickup.field', e)) return p.moveFocus(e.name === 'backtab' || e.name === 'up' ? -1 : 1), true;
    if (p.step === 'scan' && matches('pickup.undo', e)) return p.undo(), true;
    if (p.step === 'done' && matches('pickup.sheet', e)) return p.saveSheet(), true;
    if (matches('back', e) && p.back()) return true;
    return false;
  };
}

/** Who takes the cards, as typed so far (the agent's ID masked). */
function whoLine(f: Pickup['fields']): string {
  return P.who(f.unit.trim(), f.agentName.trim(), f.agentId.trim() ? maskIdNumber(f.agentId) : '', f.authRef.trim());
}

function PickupDone({ done, who, sheet, width }: { done: NonNullable<Pickup['done']>; who: string; sheet: Pickup['sheet']; width: number }) {
  const result = P.done(done.ref, done.cards);
  return (
    <>
      <Line text={who} width={width} />
      <Line text={result} width={width} color="green" />
      <Line text={P.doneNext} width={width} />
      <Line text="" width={width} />
      <Line text={P.doneHint} width={width} />
      {sheet ? <Line text={sheet.text} width={width} color={sheet.level === 'ok' ? 'green' : 'red'} /> : null}
    </>
  );
}

function PickupBody({ p, isActive, width, height }: { p: Pickup; isActive: boolean; width: number; height: number }) {
  const who = whoLine(p.fields);
  if (p.step === 'done' && p.done) return <PickupDone done={p.done} who={who} sheet={p.sheet} width={width} />;
  if (p.step === 'details' || p.step === 'leave') {
    const error = p.error ?? '';
    return (
      <PickupDetails fields={p.fields} focus={p.focus} editable={isActive && p.step === 'details'} error={error} total={p.total} entries={p.entries.length} asking={p.step === 'leave'} width={width} height={height - 1} onChange={p.setField} onDone={p.fieldDone} />
    );
  }
  return (
    <>
      <Line text={who} width={width} />
      <PickupScan input={p.input} entries={p.entries} flags={p.flags} total={p.total} confirming={p.step === 'confirm'} isActive={isActive} width={width} height={height} onInput={p.setInput} onScan={p.submitScan} />
    </>
  );
}

export function PickupScreen({ actor, width, height, isActive, onContext, onLeave }: PickupScreenProps) {
  const p = useNewPickup(actor);
  const context = contextOf(p.step);
  useLayoutEffect(() => onContext(context), [context]);
  const stray = useStrayScan();
  useKeyHandler(pickupKeys(p, stray, onLeave), { priority: asking(p.step) ? PRIORITY.modal : PRIORITY.screen, isActive });
  const title = P.title(actor.siteName);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line text={title} width={width} bold />
      <PickupBody p={p} isActive={isActive} width={width} height={height} />
    </Box>
  );
}
