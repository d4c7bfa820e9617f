/**
 * The device side of a simulated instant-issuance desk printer: it answers the device protocol
 * as the province's driver standard (GD Annex 9 二(二)) describes the real machine, holds cards
 * in hoppers, at the reader and in the output bins, and can be told to fail in each of the
 * ways a real one does. With a state file it keeps its cards across a host crash, as a real
 * printer keeps the card at its reader when the PC dies.
 *
 * Decisions where the standard is silent:
 * - iPrint's n “只有在全部印卡参数为空时本项参数才有效”: a printed card leaves by the good bin
 *   on success; a failed print sends it to the bad bin.
 * - Cover open, ribbon out, no card and bad arguments are refused before the card moves, so it
 *   stays at the reader for a retry; once printing starts the card always leaves
 *   (“不论印卡是否成功，执行完本命令均要自动退卡”).
 * - A chip write or CA failure leaves the card at the reader; the host ejects it to the bad bin.
 * - Injected faults are used up only by a command that gets as far as the step they break.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { SbkError } from '../../src/domain/errors.ts';
import { CMD, formatStatus, REPLY_BIT } from '../protocol/commands.ts';
import { DeviceClient } from '../protocol/device-client.ts';
import { decodeFields, encodeFields, type FieldValue } from '../protocol/fields.ts';
import { encodeFrame, FrameDecoder } from '../protocol/frame.ts';
import type { PrinterStatus } from '../printer/instant-printer.ts';
import { ProtocolInstantPrinter } from '../printer/protocol-printer.ts';
import { formatBasicInfo } from '../reader/basic-info.ts';
import type { ByteTransport } from '../transport/byte-transport.ts';
import { createMemoryLink } from '../transport/memory-transport.ts';
import type { SimChip } from './sim-chip.ts';
import { simulatorReplies as R } from '../../src/i18n/drivers/simulator.ts';
import { deviceTexts } from '../../src/i18n/drivers/devices.ts';

export type SimFault = 'no_card' | 'unreadable_chip' | 'jam' | 'hopper_empty' | 'chip_write' | 'print_failure' | 'ca_failure';

export type SimPrinterState = {
  hoppers: { hopper: number; chips: SimChip[] }[];
  atReader: SimChip | null;
  jammed: boolean;
  /** The card stuck inside while jammed (handed back by clearJam). */
  jammedCard: SimChip | null;
  bins: { good: SimChip[]; bad: SimChip[] };
  coverOpen: boolean;
  ribbon: 'ok' | 'low' | 'out';
  pendingFaults: SimFault[];
  /** iWriteCaStep1 done for the card now at the reader (iWriteCaStep2 needs it). */
  caReady: boolean;
};

export type SimulatedDeskPrinterOptions = {
  /** Hopper numbers fitted, 1-9. */
  hoppers: number[];
  state?: SimPrinterState;
  stateFile?: string;
  /** Reported as 终端设备号 in READ_BASIC. */
  deviceNo?: string;
};

type Reply = [code: number, out: string];

const TEXT_ITEM = /^[^|]+\|[^|]+\|\d+(\.\d+)?\|\d+\|\d+$/;
const PHOTO_ITEM = /^[A-Za-z0-9+/]+={0,2}\|\d+\|\d+\|\d+\|\d+$/;

export class SimulatedDeskPrinter {
  private readonly state: SimPrinterState;
  private readonly hopperNos: number[];
  private readonly stateFile: string | undefined;
  private readonly deviceNo: string | undefined;

  constructor(opts: SimulatedDeskPrinterOptions) {
    const nos = [...new Set(opts.hoppers)].sort((a, b) => a - b);
    if (nos.length === 0 || nos.length !== opts.hoppers.length || nos.some((n) => !Number.isInteger(n) || n < 1 || n > 9)) {
      throw new SbkError('SIM_BAD_HOPPERS', { hoppers: opts.hoppers.join(',') });
    }
    this.hopperNos = nos;
    this.stateFile = opts.stateFile;
    this.deviceNo = opts.deviceNo;
    const s = opts.state ? structuredClone(opts.state) : emptyState();
    const lost = s.hoppers.filter((h) => !nos.includes(h.hopper) && h.chips.length > 0);
    if (lost.length > 0) {
      throw new SbkError('SIM_STATE_MISMATCH', { hoppers: lost.map((h) => h.hopper).join(',') });
    }
    s.hoppers = nos.map((hopper) => ({ hopper, chips: s.hoppers.find((h) => h.hopper === hopper)?.chips ?? [] }));
    this.state = s;
  }

  /** Restores the state saved in `file` if there is one; keeps saving to it. */
  static fromFile(file: string, hoppers: number[]): SimulatedDeskPrinter {
    if (!existsSync(file)) return new SimulatedDeskPrinter({ hoppers, stateFile: file });
    let state: unknown;
    try {
      state = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new SbkError('SIM_STATE_UNREADABLE.unreadable', { file }, { cause: e instanceof Error ? e.message : String(e) });
    }
    // Valid JSON of another shape (an edited or foreign file) would otherwise fail later as a TypeError.
    if (!isSimState(state)) throw new SbkError('SIM_STATE_UNREADABLE.shape', { file });
    return new SimulatedDeskPrinter({ hoppers, state, stateFile: file });
  }

  get bins(): { good: SimChip[]; bad: SimChip[] } {
    return this.state.bins;
  }

  attach(device: ByteTransport): void {
    const decoder = new FrameDecoder();
    device.onData((bytes) => {
      for (const f of decoder.push(bytes)) {
        const [code, out] = this.handle(f.cmd, f.payload);
        const reply = encodeFrame({ seq: f.seq, cmd: f.cmd | REPLY_BIT, payload: encodeFields([code, out]) });
        // The host may have gone away; a real device's reply then just goes nowhere too.
        device.write(reply).catch(() => undefined);
      }
    });
  }

  placeInHopper(n: number, chips: SimChip[]): void {
    this.hopper(n).chips.push(...structuredClone(chips));
    this.save();
  }

  /** The operator takes every card out of hopper n; returns them in feed order. */
  emptyHopper(n: number): SimChip[] {
    const out = this.hopper(n).chips.splice(0);
    this.save();
    return out;
  }

  hopperContents(n: number): SimChip[] {
    return structuredClone(this.hopper(n).chips);
  }

  cardAtReader(): SimChip | null {
    return structuredClone(this.state.atReader);
  }

  injectFault(f: SimFault): void {
    this.state.pendingFaults.push(f);
    this.save();
  }

  /** The operator opens the cover and takes out the stuck card. */
  clearJam(): SimChip | null {
    const card = this.state.jammedCard;
    this.state.jammed = false;
    this.state.jammedCard = null;
    this.save();
    return card;
  }

  setCover(open: boolean): void {
    this.state.coverOpen = open;
    this.save();
  }

  setRibbon(r: 'ok' | 'low' | 'out'): void {
    this.state.ribbon = r;
    this.save();
  }

  snapshot(): SimPrinterState {
    return structuredClone(this.state);
  }

  private handle(cmd: number, payload: Uint8Array): Reply {
    let args: FieldValue[];
    try {
      args = decodeFields(payload);
    } catch {
      return [-109, R.badFields];
    }
    const reply = this.execute(cmd, args);
    this.save();
    return reply;
  }

  private execute(cmd: number, args: FieldValue[]): Reply {
    const s = this.state;
    if (cmd === CMD.STATUS) return [0, formatStatus(this.status())];
    if (s.jammed) return [-102, R.jammedInside];
    switch (cmd) {
      case CMD.READ_BASIC:
        return this.readBasic(args);
      case CMD.WRITE_PERSONAL:
        return this.writePersonal(args);
      case CMD.LOAD_CARD:
        return this.loadCard(args);
      case CMD.CA_STEP1:
        return this.caStep1(args);
      case CMD.CA_STEP2:
        return this.caStep2(args);
      case CMD.PRINT:
        return this.print(args);
      default:
        return [-109, R.unsupportedCommand({ cmd })];
    }
  }

  private status(): PrinterStatus {
    const s = this.state;
    return {
      cardAtReader: s.atReader !== null,
      coverOpen: s.coverOpen,
      ribbon: s.ribbon,
      jammed: s.jammed,
      hoppers: s.hoppers.map((h) => ({ hopper: h.hopper, state: h.chips.length > 0 ? 'loaded' : 'empty' })),
    };
  }

  private readBasic(args: FieldValue[]): Reply {
    const [iface] = args;
    if (args.length !== 1 || typeof iface !== 'number' || iface < 1 || iface > 4) return [-109, R.badInterface];
    if (this.take('no_card')) return [-2, R.noCard];
    const card = this.state.atReader;
    if (!card) return [-2, R.noCard];
    if (this.take('unreadable_chip')) return [-21, R.authFailed];
    return [0, formatBasicInfo({ ...card, deviceNo: this.deviceNo ?? card.deviceNo })];
  }

  private writePersonal(args: FieldValue[]): Reply {
    if (args.length !== 6 || !args.every((a) => typeof a === 'string')) return [-109, R.badPersonal];
    const card = this.state.atReader;
    if (!card) return [-107, R.noCardAtReader];
    if (this.take('chip_write')) return [-105, R.chipWriteFailed];
    const [regionCode, ssn, cardNo, name, issueDate, expiryDate] = args as string[];
    Object.assign(card, { regionCode, ssn, cardNo, name, issueDate, expiryDate });
    this.state.caReady = false;
    return [0, ''];
  }

  /** “若读卡器位置已经有卡，则直接返回0成功”; “对于单卡盒的机器，不用理会参数n的值”. */
  private loadCard(args: FieldValue[]): Reply {
    const [n] = args;
    if (args.length !== 1 || typeof n !== 'number' || n < 0 || n > 9) return [-109, R.badHopperArg];
    const s = this.state;
    if (s.atReader) return [0, ''];
    const no = n === 0 || this.hopperNos.length === 1 ? this.hopperNos[0]! : n;
    if (!this.hopperNos.includes(no)) return [-109, R.noSuchHopper({ hopper: n })];
    const hopper = this.hopper(no);
    if (this.take('hopper_empty')) return [-101, R.hopperEmpty({ hopper: no })];
    if (this.take('jam')) return this.jam(hopper.chips.shift() ?? null);
    const card = hopper.chips.shift();
    if (!card) return [-101, R.hopperEmpty({ hopper: no })];
    s.atReader = card;
    s.caReady = false;
    return [0, ''];
  }

  private caStep1(args: FieldValue[]): Reply {
    if (args.length !== 0) return [-109, R.badArgs];
    const card = this.state.atReader;
    if (!card) return [-107, R.noCardAtReader];
    // “三代卡在完成基本信息写入后调用本函数”
    if (!card.ssn || !card.cardNo || !card.name) return [-109, R.personalNotWritten];
    if (this.take('ca_failure')) return [-108, R.caInitFailed];
    this.state.caReady = true;
    return [0, createHash('sha256').update(card.cardIdCode).digest('hex')];
  }

  private caStep2(args: FieldValue[]): Reply {
    const [info] = args;
    if (args.length !== 1 || typeof info !== 'string') return [-109, R.badCaArgs];
    const card = this.state.atReader;
    if (!card) return [-107, R.noCardAtReader];
    // “三代卡在完成CA环境初始化后调用本函数写入CA信息”
    if (!this.state.caReady) return [-109, R.caNotInitialised];
    const parts = info.split('|');
    if (parts.length !== 5 || parts.some((p) => p === '')) return [-109, R.badCaInfo];
    if (this.take('chip_write')) return [-105, R.caWriteFailed];
    card.caWritten = true;
    return [0, ''];
  }

  private print(args: FieldValue[]): Reply {
    const [n, ...items] = args;
    if (typeof n !== 'number' || items.length !== 8 || !items.every((i) => typeof i === 'string')) return [-109, R.badPrintArgs];
    const texts = (items as string[]).slice(0, 6);
    const photos = (items as string[]).slice(6);
    // “当传入的某个数据项为空或该数据项中的数据为空时，该项不打印”
    const printed = (list: string[]) => list.filter((i) => i !== '' && i.split('|')[0] !== '');
    const face = [...printed(texts), ...printed(photos)];
    if (!printed(texts).every((t) => TEXT_ITEM.test(t)) || !printed(photos).every((p) => PHOTO_ITEM.test(p))) return [-109, R.badPrintData];
    const s = this.state;
    const card = s.atReader;
    if (face.length === 0) {
      // “当传入的印参数全部为空时，按退卡位置参数n的要求单独执行退卡操作，返回0”
      if (n !== 1 && n !== 2) return [-109, R.badOutputBin({ bin: n })];
      if (!card) return [-107, R.noCardAtReader];
      if (this.take('jam')) return this.jam(card);
      this.toBin(n === 1 ? 'good' : 'bad');
      return [0, ''];
    }
    if (!card) return [-107, R.noCardAtReader];
    if (s.coverOpen) return [-103, R.coverOpen];
    if (s.ribbon === 'out') return [-104, R.ribbonOut];
    if (this.take('jam')) return this.jam(card);
    if (this.take('print_failure')) {
      this.toBin('bad');
      return [-106, R.printFailed];
    }
    card.face = face;
    this.toBin('good');
    return [0, ''];
  }

  private jam(card: SimChip | null): Reply {
    const s = this.state;
    if (card === s.atReader) s.atReader = null;
    s.jammed = true;
    s.jammedCard = card;
    s.caReady = false;
    return [-102, R.jammed];
  }

  private toBin(bin: 'good' | 'bad'): void {
    const s = this.state;
    if (!s.atReader) return;
    s.bins[bin].push(s.atReader);
    s.atReader = null;
    s.caReady = false;
  }

  private take(f: SimFault): boolean {
    const i = this.state.pendingFaults.indexOf(f);
    if (i < 0) return false;
    this.state.pendingFaults.splice(i, 1);
    return true;
  }

  private hopper(n: number): { hopper: number; chips: SimChip[] } {
    const h = this.state.hoppers.find((x) => x.hopper === n);
    if (!h) throw new SbkError('SIM_NO_HOPPER', { hopper: n });
    return h;
  }

  /** Atomic (tmp + rename) so a crash mid-write leaves the previous state, not half a file. */
  private save(): void {
    if (!this.stateFile) return;
    const tmp = `${this.stateFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state), { mode: 0o600 });
    renameSync(tmp, this.stateFile);
  }
}

const CHIP_TEXT = ['regionCode', 'ssn', 'cardNo', 'cardIdCode', 'name', 'resetCode', 'specVersion', 'issueDate', 'expiryDate', 'terminalNo', 'deviceNo', 'bankCardNo'] as const;
const FAULTS: readonly string[] = ['no_card', 'unreadable_chip', 'jam', 'hopper_empty', 'chip_write', 'print_failure', 'ca_failure'] satisfies SimFault[];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isSimChip(v: unknown): v is SimChip {
  return (
    isRecord(v) &&
    CHIP_TEXT.every((k) => typeof v[k] === 'string') &&
    typeof v.caWritten === 'boolean' &&
    (v.face === null || (Array.isArray(v.face) && v.face.every((f) => typeof f === 'string')))
  );
}

/** The shape save() writes; anything else in the file is refused as unreadable. */
function isSimState(v: unknown): v is SimPrinterState {
  const chips = (x: unknown) => Array.isArray(x) && x.every(isSimChip);
  return (
    isRecord(v) &&
    Array.isArray(v.hoppers) &&
    v.hoppers.every((h) => isRecord(h) && Number.isInteger(h.hopper) && chips(h.chips)) &&
    (v.atReader === null || isSimChip(v.atReader)) &&
    typeof v.jammed === 'boolean' &&
    (v.jammedCard === null || isSimChip(v.jammedCard)) &&
    isRecord(v.bins) &&
    chips(v.bins.good) &&
    chips(v.bins.bad) &&
    typeof v.coverOpen === 'boolean' &&
    (v.ribbon === 'ok' || v.ribbon === 'low' || v.ribbon === 'out') &&
    Array.isArray(v.pendingFaults) &&
    v.pendingFaults.every((f) => typeof f === 'string' && FAULTS.includes(f)) &&
    typeof v.caReady === 'boolean'
  );
}

function emptyState(): SimPrinterState {
  return { hoppers: [], atReader: null, jammed: false, jammedCard: null, bins: { good: [], bad: [] }, coverOpen: false, ribbon: 'ok', pendingFaults: [], caReady: false };
}

/** A ProtocolInstantPrinter talking to `sim` over a memory link (random chunking by default). */
export function simulatedPrinterLink(
  sim: SimulatedDeskPrinter,
  opts: { chunk?: number | 'random'; timeoutMs?: number; seed?: number } = {},
): { printer: ProtocolInstantPrinter; close(): Promise<void> } {
  const link = createMemoryLink({ chunk: opts.chunk ?? 'random', seed: opts.seed ?? 1, label: deviceTexts.names.simulatedPrinter });
  sim.attach(link.device);
  const client = new DeviceClient(link.host, { timeoutMs: opts.timeoutMs, slowTimeoutMs: opts.timeoutMs });
  return { printer: new ProtocolInstantPrinter(client), close: () => client.close() };
}
