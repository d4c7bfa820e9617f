import { Box } from 'ink';
import { Table, tableWidth } from '../../components/table.tsx';
import { Line } from '../../components/line.tsx';
import { FlagLines } from '../shared/flag-lines.tsx';
import type { Message } from '../shared/message.ts';
import { SignInHeading } from './sign-in-heading.tsx';
import { BOX_COLUMNS, MISSING_COLUMNS, type SignInResultView } from './sign-in-view.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const S = zh.signIn;
/** Lines above the two result tables: title, from, totals, three fields, actions, a message. */
const RESULT_CHROME = 8;
const MISSING_GAP = 2;

export type SignInResultProps = {
  readonly title: string;
  readonly from: string | null;
  readonly view: SignInResultView;
  readonly flags: readonly Message[];
  readonly width: number;
  readonly height: number;
};

/** The submitted count against the list, who signs and answers for the cards (the site's operators, ←→) and where they go, and the choice to close or sign in part. */
export function SignInResult(p: SignInResultProps) {
  const { view, width } = p;
  const tableRows = Math.max(1, p.height - RESULT_CHROME - 3);
  // The missing cards keep their width beside the boxes; the box table gives up what does not fit.
  const missingWidth = Math.min(tableWidth(MISSING_COLUMNS), Math.floor(width / 3));
  const boxesWidth = width - MISSING_GAP - missingWidth;
  return (
    <Box flexDirection="column" width={width} height={p.height}>
      <SignInHeading title={p.title} from={p.from} width={width} />
      <Line text={view.result} width={width} bold />
      <Line text={view.signerRow} width={width} />
      <Line text={view.custodianRow} width={width} />
      <Line text={view.placeRow} width={width} />
      <Line text={S.actions} color="yellow" width={width} />
      <FlagLines flags={p.flags} count={1} width={width} />
      <Box>
        <Table data={view.boxes} columns={BOX_COLUMNS} width={boxesWidth} height={tableRows} />
        <Box marginLeft={MISSING_GAP}>
          <Table data={view.missing} columns={MISSING_COLUMNS} width={missingWidth} height={tableRows} selectedIndex={view.missingSel} emptyText={S.noMissing} />
        </Box>
      </Box>
    </Box>
  );
}
