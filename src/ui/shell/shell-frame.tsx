import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { Footer } from '../components/footer.tsx';
import { HelpOverlay } from '../components/help-overlay.tsx';
import { fitWidth } from '../../text/display-width.ts';
import type { ContextId } from '../keys/registry.ts';
import type { Overlay } from '../hooks/use-navigation.ts';
import { zh } from '../../i18n/zh-CN.ts';
import type { ScreenHelp } from '../../i18n/shell.ts';
import { keysContext } from './keys-context.ts';

export type ShellFrameProps = {
  readonly header: string;
  readonly width: number;
  readonly height: number;
  readonly overlay: Overlay;
  /** The screen's own context (the help overlay explains it). */
  readonly screenContext: ContextId;
  readonly screenTitle: string;
  readonly screenHelp: ScreenHelp;
  readonly textFocused: boolean;
  /** Shown in the footer's row instead of the keys while set ("再按一次 Ctrl+C 退出"). */
  readonly notice?: string | null;
  readonly children: ReactNode;
};

/**
 * Header, body and footer rows. The screen stays mounted, hidden, under an overlay: a count in
 * progress survives `?` and a declined quit.
 */
export function ShellFrame({ header, width, height, overlay, screenContext, screenTitle, screenHelp, textFocused, notice = null, children }: ShellFrameProps) {
  const bodyHeight = height - 2;
  const footerContext = keysContext(overlay, screenContext);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text inverse>{fitWidth(header, width)}</Text>
      <Box height={bodyHeight} flexDirection="column">
        {overlay === 'quit' ? <QuitDialog height={bodyHeight} /> : null}
        {overlay === 'help' ? <HelpOverlay context={screenContext} title={screenTitle} about={screenHelp} width={width} height={bodyHeight} /> : null}
        <Box display={overlay === null ? 'flex' : 'none'} flexDirection="column" height={bodyHeight}>
          {children}
        </Box>
      </Box>
      {notice === null ? (
        <Footer context={footerContext} width={width} textFocused={overlay === null && textFocused} />
      ) : (
        <Text bold>{fitWidth(notice, width)}</Text>
      )}
    </Box>
  );
}

function QuitDialog({ height }: { height: number }) {
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>{zh.app.quitTitle}</Text>
      <Text>{zh.app.quitBody}</Text>
    </Box>
  );
}
