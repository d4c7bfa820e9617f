import { useLayoutEffect } from 'react';
import { Box } from 'ink';
import type { ScreenProps } from './screen-props.ts';
import { Line } from '../components/line.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useTransfer } from '../hooks/use-transfer.ts';
import { TransferForm } from './transfer/transfer-form.tsx';
import { TransferDonePage } from './transfer/transfer-done.tsx';
import { transferContext, transferKeys } from './transfer/transfer-keys.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type TransferScreenProps = ScreenProps & { readonly onLeave: () => void };

/**
 * 库内移交 (GD Art. 12: 保管地点、责任人; HB Art. 14): cards between the site's places, or 交接班
 * to another operator who types their own PIN; each writes one operation and saves a 库内移交单.
 */
export function TransferScreen({ actor, width, height, isActive, onContext, onLeave }: TransferScreenProps) {
  const t = useTransfer(actor);
  const context = transferContext(t);
  useLayoutEffect(() => onContext(context), [context]);
  const stray = useStrayScan();
  useKeyHandler(transferKeys(t, stray, onLeave), { priority: t.step === 'leave' ? PRIORITY.modal : PRIORITY.screen, isActive });
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line text={zh.transfer.title(actor.siteName)} width={width} bold />
      {t.step === 'done' && t.done ? (
        <TransferDonePage done={t.done} width={width} />
      ) : (
        <TransferForm s={t} active={isActive && t.step === 'form'} width={width} height={height} onInput={t.setInput} onScan={t.scan} onPin={t.setPin} onPinDone={t.submit} />
      )}
    </Box>
  );
}
