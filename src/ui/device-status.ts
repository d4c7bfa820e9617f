/**
 * One device as one line of text, for the 设备 page (the same wording as `sbk devices`, kept
 * here because the console does not import from the CLI). Pure: the screen fits it to width.
 */
import type { DeviceReport } from '../workflows/site-devices.ts';
import type { BasicCardInfo } from '../../drivers/reader/basic-info.ts';
import { maskIdNumber } from '../domain/mask.ts';
import { zh } from '../i18n/zh-CN.ts';

const D = zh.devices;

/** What the printer says about itself (card at the reader, hoppers, cover, jam, ribbon), or the error. */
export function deviceDetail(r: DeviceReport): string {
  if (r.slot) return [r.slot.card ? D.slotCard(r.slot.card) : D.slotEmpty, r.slot.auto ? D.slotAuto : null].filter(Boolean).join(D.detailJoin);
  const s = r.status;
  const lib = r.library ? D.library(r.library.path, r.library.version) : null;
  if (!s) return [lib, r.error?.message].filter(Boolean).join(D.detailJoin);
  return [
    lib,
    s.cardAtReader ? D.cardAtReader : D.noCardAtReader,
    ...s.hoppers.map((h) => D.hopper(h.hopper, h.state === 'empty')),
    s.coverOpen ? D.coverOpen : null,
    s.jammed ? D.jammed : null,
    s.ribbon === 'out' ? D.ribbonOut : s.ribbon === 'low' ? D.ribbonLow : null,
  ]
    .filter(Boolean)
    .join(D.detailJoin);
}

/** `制卡机 制卡机1（模拟）  就绪  读卡位置无卡，卡盒1有卡`. */
export function deviceLine(r: DeviceReport): string {
  return D.line(D.kinds[r.kind], r.id, D.transports[r.transport] ?? r.transport, D.states[r.state], deviceDetail(r));
}

/** A test read's result, the ID number masked (PIPL Art. 28). */
export function readText(info: BasicCardInfo): string {
  return D.readCard(info.cardNo, info.name, info.ssn ? maskIdNumber(info.ssn) : '', info.cardIdCode);
}
