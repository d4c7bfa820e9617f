import { useLayoutEffect, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import { TextField } from '../components/text-field.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches, type BindingId } from '../keys/registry.ts';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { kindOf, useHopperLoad, type HopperLoadStep } from '../hooks/use-hopper-load.ts';
import { displayWidth, fitWidth } from '../../text/display-width.ts';
import type { StationChoice } from '../../workflows/instant-stations.ts';
import type { LoadableBlank } from '../../workflows/hopper-loading.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type HopperLoadScreenProps = {
  actor: Actor;
  width: number;
  height: number;
  isActive: boolean;
  onContext: (context: string) => void;
  /** Back to 即时制卡 (which reopens and shows the hoppers' new counts). */
  onLeave: () => void;
};

const H = zh.hopperLoad;
const MESSAGE_COLOR = { ok: 'green', warn: 'yellow', error: 'red' } as const;
/** Lines kept for the last message: a refusal can take two at 80 columns. */
const MESSAGE_LINES = 2;

function contextOf(step: HopperLoadStep): string {
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
const passesQuestion = (e: Parameters<typeof matches>[1]): boolean => matches('help', e) || matches('quit', e) || matches('quit-ctrl-c', e);

/** `中国工商银行（东信和平）  余 4 张`, or 空, or not in the ledger. */
function holdsText(s: StationChoice): string {
  if (!s.inLedger) return H.notInLedger;
  const kind = kindOf(s);
  return kind ? H.holds(kind.bank, kind.maker, s.remaining) : H.empty;
}

/** The numbered list's last `rows` lines (the newest at the bottom), with a note for those above. */
function listLines(cards: readonly LoadableBlank[], rows: number): string[] {
  if (rows <= 0) return [];
  const lines = cards.map((c, i) => `  ${H.nth(i + 1, c.cardNo)}`);
  if (lines.length <= rows) return lines;
  const shown = lines.slice(lines.length - (rows - 1));
  return [`  ${H.more(lines.length - shown.length)}`, ...shown];
}

export function HopperLoadScreen({ actor, width, height, isActive, onContext, onLeave }: HopperLoadScreenProps) {
  const s = useHopperLoad(actor);
  const context = contextOf(s.step);
  useLayoutEffect(() => onContext(context), [context]);
  const stray = useStrayScan();

  useKeyHandler(
    (e) => {
      switch (s.step) {
        case 'loading':
        case 'off':
          return false;
        case 'pick':
          // A scan here starts loading the chosen hopper with that card.
          if (e.name === 'scan') return s.scanFromPick(e.char), true;
          if (stray.swallow(e, (k) => PICK_KEYS.some((id) => matches(id, k)))) return true;
          if (matches('hopper.move', e)) return s.move(e.name === 'left' || e.name === 'up' ? -1 : 1), true;
          if (matches('hopper.start', e)) return s.startScan(), true;
          if (matches('hopper.unload', e)) return s.askUnload(), true;
          return false;
        case 'scan':
          if (matches('hopper.record', e)) return s.record(), true;
          if (matches('hopper.undo', e)) return s.undo(), true;
          if (matches('hopper.scan-back', e)) return s.backFromScan(), true;
          return false;
        case 'leave':
          if (stray.swallow(e, (k) => LEAVE_KEYS.some((id) => matches(id, k)))) return true;
          if (matches('confirm.yes', e)) return s.confirmLeave(), true;
          if (matches('confirm.no', e)) return s.cancelLeave(), true;
          return !passesQuestion(e);
        case 'unload':
          // A card scanned by habit must not confirm the unload with its Enter.
          if (stray.swallow(e, (k) => UNLOAD_KEYS.some((id) => matches(id, k)))) return true;
          if (matches('hopper.unload-place', e)) return s.movePlace(e.name === 'left' ? -1 : 1), true;
          if (matches('hopper.unload-yes', e)) return s.confirmUnload(), true;
          if (matches('hopper.unload-no', e)) return s.cancelUnload(), true;
          return !passesQuestion(e);
        case 'done':
          if (stray.swallow(e, (k) => matches('hopper.done', k))) return true;
          if (matches('hopper.done', e)) return onLeave(), true;
          return false;
      }
    },
    { priority: s.step === 'leave' || s.step === 'unload' ? PRIORITY.modal : PRIORITY.screen, isActive },
  );

  const line = (text: string, color?: string, opts: { dim?: boolean; bold?: boolean } = {}) => (
    <Text color={color} dimColor={opts.dim} bold={opts.bold}>
      {fitWidth(text, width)}
    </Text>
  );
  const wrapped = (text: string, color?: string, bold?: boolean) => (
    <Text color={color} bold={bold} wrap="wrap">
      {text || ' '}
    </Text>
  );
  const messageBox = (
    <Box height={MESSAGE_LINES} overflow="hidden" flexDirection="column">
      {s.message ? wrapped(s.message.text, MESSAGE_COLOR[s.message.level]) : line('')}
    </Box>
  );
  const frame = (children: ReactNode) => (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{fitWidth(H.title(actor.siteName), width)}</Text>
      {children}
    </Box>
  );
  const list = (cards: readonly LoadableBlank[], rows: number) => (
    <Box height={Math.max(0, rows)} overflow="hidden" flexDirection="column">
      {listLines(cards, rows).map((l, i) => (
        <Text key={i}>{fitWidth(l, width)}</Text>
      ))}
    </Box>
  );

  if (s.step === 'loading') return frame(<>{line('')}{line(H.loading, 'yellow')}</>);
  if (s.step === 'off') return frame(<>{line('')}{wrapped(s.offReason ?? '', 'yellow')}</>);

  const st = s.station;

  if (s.step === 'pick' || s.step === 'unload') {
    const nameWidth = Math.min(40, Math.max(...s.stations.map((x) => displayWidth(H.hopperRow(x.hopperName, x.printerId, x.hopperNo)))));
    const rows = s.stations.map((x, i) => (
      <Text key={`${x.printerId}#${x.hopperNo}`}>
        {fitWidth(`${i === s.index ? '›' : ' '} ${fitWidth(H.hopperRow(x.hopperName, x.printerId, x.hopperNo), nameWidth)}  ${holdsText(x)}`, width)}
      </Text>
    ));
    // Title, pick line, the hoppers, a blank, the message, a blank, then the hint or the question.
    const room = Math.max(1, height - 7 - 4);
    let tail: ReactNode;
    if (s.step === 'unload' && st) {
      tail = (
        <>
          {line(H.unloadTitle(st.hopperName, st.remaining), 'yellow', { bold: true })}
          {line(H.unloadPlace(s.places[s.placeIndex] ?? '', s.placeIndex + 1, s.places.length))}
          {wrapped(H.unloadBody)}
        </>
      );
    } else tail = wrapped(H.pickHint, undefined);
    return frame(
      <>
        {line(H.pickTitle)}
        <Box height={Math.min(room, rows.length)} overflow="hidden" flexDirection="column">
          {rows}
        </Box>
        {line('')}
        {messageBox}
        {line('')}
        {tail}
      </>,
    );
  }

  if (s.step === 'done' && s.done) {
    const d = s.done;
    // Title, blank, result (up to two lines), the note on the cards already in, blank, list, hint.
    return frame(
      <>
        {line('')}
        <Box height={2} overflow="hidden" flexDirection="column">
          {wrapped(H.loaded(d.count, d.hopper), 'green', true)}
        </Box>
        {line(d.prior > 0 ? H.behind(d.prior) : '')}
        {line('')}
        {list(d.cards, height - 7)}
        {line(H.doneHint, undefined, { dim: true })}
      </>,
    );
  }

  // Scanning (and the question before dropping the list).
  const label = H.scanLabel;
  const asking = s.step === 'leave';
  return frame(
    <>
      {line(st ? H.target(st.hopperName, holdsText(st)) : '', undefined, { bold: true })}
      <TextField
        label={label}
        value={s.input}
        onChange={s.setInput}
        onSubmit={s.submit}
        focus={isActive && s.step === 'scan'}
        placeholder={H.scanPlaceholder}
        width={width}
        labelWidth={displayWidth(label)}
      />
      {line(H.tally(s.cards.length, st?.remaining ?? 0))}
      {asking ? (
        <Box height={MESSAGE_LINES} flexDirection="column">
          {line(H.leaveTitle(s.cards.length), 'yellow', { bold: true })}
          {line(H.leaveBody)}
        </Box>
      ) : (
        messageBox
      )}
      {line('')}
      {/* Title, target, field, tally, the message, a blank: the rest is the list. */}
      {list(s.cards, height - 7)}
    </>,
  );
}
