import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

/**
 * The terminal's size, following resizes. The frame is kept one row shorter than the terminal:
 * a frame as tall as the terminal makes Ink 6 clear and rewrite the whole screen on every
 * update (ENGINEERING.md §1).
 */
export function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const read = () => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
