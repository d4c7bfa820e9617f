/**
 * A duplex byte pipe to one device. USB HID and the in-memory simulator both implement it, so
 * the protocol framing above never knows which one it is talking to.
 */
export interface ByteTransport {
  /** How the device is named to an operator: `模拟制卡机`, `USB 1234:5678`. */
  readonly label: string;
  write(bytes: Uint8Array): Promise<void>;
  /** Bytes as they arrive, in any chunking; returns the unsubscribe function. */
  onData(listener: (bytes: Uint8Array) => void): () => void;
  close(): Promise<void>;
}
