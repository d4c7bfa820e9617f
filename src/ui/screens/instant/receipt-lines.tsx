import { Line } from '../../components/line.tsx';
import { Wrapped } from '../shared/wrapped.tsx';
import type { ReceiptState } from '../../hooks/use-instant.ts';
import { zh } from '../../../i18n/zh-CN.ts';

/** Where the receipt was saved (its path can be long: wrapped), or why not; nothing before P. */
export function ReceiptLines({ receipt, width }: { receipt: ReceiptState; width: number }) {
  if (receipt.path) {
    const path = `  ${receipt.path}`;
    return (
      <>
        <Line text={zh.instant.receiptSaved} width={width} />
        <Wrapped text={path} />
        <Line text="" width={width} />
      </>
    );
  }
  if (receipt.error) {
    return (
      <>
        <Wrapped text={receipt.error} color="red" />
        <Line text="" width={width} />
      </>
    );
  }
  return null;
}
