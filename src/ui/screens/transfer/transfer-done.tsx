import { Box } from 'ink';
import { Line } from '../../components/line.tsx';
import { Wrapped } from '../shared/wrapped.tsx';
import type { TransferDoneView } from '../../state/transfer.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const T = zh.transfer;

function doneText(d: TransferDoneView): string {
  if (d.mode === 'handOver') return T.doneHandOver(d.cards, d.giver, d.receiver);
  if (d.mode === 'backToVault') return T.doneBack(d.cards, d.toPlace ?? '');
  return T.donePlaces(d.cards, d.toPlace ?? '');
}

/** Written: how many, the sheet's number and where it was saved, to be printed and signed. */
export function TransferDonePage({ done, width }: { done: TransferDoneView; width: number }) {
  return (
    <>
      <Line text="" width={width} />
      <Box height={2} overflow="hidden" flexDirection="column">
        <Wrapped text={doneText(done)} color="green" bold />
      </Box>
      <Line text={T.ref(done.ref)} width={width} />
      {done.sheetPath ? (
        <Box height={3} overflow="hidden" flexDirection="column">
          <Wrapped text={T.sheetSaved(done.sheetPath)} />
        </Box>
      ) : null}
      <Line text={T.signHint} width={width} />
      <Line text="" width={width} />
      <Line text={T.doneHint} width={width} dim />
    </>
  );
}
