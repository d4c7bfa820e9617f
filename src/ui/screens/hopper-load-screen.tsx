import type { ScreenProps } from './screen-props.ts';
import type { ContextId } from '../keys/registry.ts';
import { useLayoutEffect, type ReactNode } from 'react';
import { Box } from 'ink';
import { Line } from '../components/line.tsx';
import { PRIORITY, useKeyHandler, type KeyHandler } from '../keys/key-router.tsx';
import { matches, type BindingId } from '../keys/registry.ts';
import type { KeyEvent } from '../keys/key-event.ts';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useHopperLoad, type HopperLoadStep } from '../hooks/use-hopper-load.ts';
import { Wrapped } from './shared/wrapped.tsx';
import { HopperPick } from './hopper-load/hopper-pick.tsx';
import { HopperDone, HopperScan } from './hopper-load/hopper-scan.tsx';
import { zh } from '../../i18n/zh-CN.ts';

export type HopperLoadScreenProps = ScreenProps & {
  /** Back to 即时制卡 (which reopens and shows the hoppers' new counts). */
  onLeave: () => void;
};

type HopperLoad = ReturnType<typeof useHopperLoad>;
type Stray = ReturnType<typeof useStrayScan>;

const H = zh.hopperLoad;

function contextOf(step: HopperLoadStep): ContextId {
  switch (step) {
    case 'loading':
    case 'off':
      return 'hopper-load-off';
    case 'pick':
      return 'hopper-load';
    case 'scan':
      return 'hopper-load-scan';
    case 'leave':
      return 'confirm';
    case 'unload':
      return 'hopper-load-unload';
    case 'done':
      return 'hopper-load-done';
  }
}

const PICK_KEYS: readonly BindingId[] = ['hopper.start', 'hopper.unload', 'hopper.move', 'help', 'quit'];
const UNLOAD_KEYS: readonly BindingId[] = ['hopper.unload-yes', 'hopper.unload-no', 'hopper.unload-place', 'help', 'quit'];
const LEAVE_KEYS: readonly BindingId[] = ['confirm.yes', 'confirm.no', 'help', 'quit'];
/** A question owns the keyboard until answered, but for help and quit (which asks first). */
const passesQuestion = (e: KeyEvent): boolean => matches('help', e) || matches('quit', e) || matches('quit-ctrl-c', e);
const isAny = (ids: readonly BindingId[]) => (k: KeyEvent) => ids.some((id) => matches(id, k));

function pickKeys(s: HopperLoad, stray: Stray, e: KeyEvent): boolean {
  // A scan here starts loading the chosen hopper with that card.
  if (e.name === 'scan') return s.scanFromPick(e.char), true;
  if (stray.swallow(e, isAny(PICK_KEYS))) return true;
  if (matches('hopper.move', e)) return s.move(e.name === 'left' || e.name === 'up' ? -1 : 1), true;
  if (matches('hopper.start', e)) return s.startScan(), true;
  if (matches('hopper.unload', e)) return s.askUnload(), true;
  return false;
}

function scanKeys(s: HopperLoad, e: KeyEvent): boolean {
  if (matches('hopper.record', e)) return s.record(), true;
  if (matches('hopper.undo', e)) return s.undo(), true;
  if (matches('hopper.scan-back', e)) return s.backFromScan(), true;
  return false;
}

function questionKeys(s: HopperLoad, stray: Stray, e: KeyEvent): boolean {
  if (s.step === 'leave') {
    if (stray.swallow(e, isAny(LEAVE_KEYS))) return true;
    if (matches('confirm.yes', e)) return s.confirmLeave(), true;
    if (matches('confirm.no', e)) return s.cancelLeave(), true;
    return !passesQuestion(e);
  }
  // A card scanned by habit must not confirm the unload with its Enter.
  if (stray.swallow(e, isAny(UNLOAD_KEYS))) return true;
  if (matches('hopper.unload-place', e)) return s.movePlace(e.name === 'left' ? -1 : 1), true;
  if (matches('hopper.unload-yes', e)) return s.confirmUnload(), true;
  if (matches('hopper.unload-no', e)) return s.cancelUnload(), true;
  return !passesQuestion(e);
}

function hopperKeys(s: HopperLoad, stray: Stray, onLeave: () => void): KeyHandler {
  return (e) => {
    switch (s.step) {
      case 'loading':
      case 'off':
        return false;
      case 'pick':
        return pickKeys(s, stray, e);
      case 'scan':
        return scanKeys(s, e);
      case 'leave':
      case 'unload':
        return questionKeys(s, stray, e);
      case 'done':
        if (stray.swallow(e, (k) => matches('hopper.done', k))) return true;
        return matches('hopper.done', e) ? (onLeave(), true) : false;
    }
  };
}

function Waiting({ text, wrap, width }: { text: string; wrap: boolean; width: number }) {
  return (
    <>
      <Line text="" width={width} />
      {wrap ? <Wrapped text={text} color="yellow" /> : <Line text={text} width={width} color="yellow" />}
    </>
  );
}

/** The step's view under the title. */
function body(s: HopperLoad, isActive: boolean, width: number, height: number): ReactNode {
  if (s.step === 'loading') return <Waiting text={H.loading} wrap={false} width={width} />;
  if (s.step === 'off') return <Waiting text={s.offReason ?? ''} wrap width={width} />;
  if (s.step === 'pick' || s.step === 'unload') {
    const unload = s.step === 'unload' ? { places: s.places, placeIndex: s.placeIndex } : null;
    return <HopperPick stations={s.stations} index={s.index} message={s.message} unload={unload} width={width} height={height} />;
  }
  if (s.step === 'done' && s.done) return <HopperDone done={s.done} width={width} height={height} />;
  // Scanning (and the question before dropping the list).
  const focus = isActive && s.step === 'scan';
  return <HopperScan station={s.station} input={s.input} cards={s.cards} message={s.message} asking={s.step === 'leave'} focus={focus} width={width} height={height} onInput={s.setInput} onSubmit={s.submit} />;
}

export function HopperLoadScreen({ actor, width, height, isActive, onContext, onLeave }: HopperLoadScreenProps) {
  const s = useHopperLoad(actor);
  const context = contextOf(s.step);
  useLayoutEffect(() => onContext(context), [context]);
  const stray = useStrayScan();
  const asking = s.step === 'leave' || s.step === 'unload';
  useKeyHandler(hopperKeys(s, stray, onLeave), { priority: asking ? PRIORITY.modal : PRIORITY.screen, isActive });
  const title = H.title(actor.siteName);
  const view = body(s, isActive, width, height);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line text={title} width={width} bold />
      {view}
    </Box>
  );
}
