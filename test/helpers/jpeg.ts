/**
 * A JPEG's header for tests: SOI, a JFIF APP0, a baseline SOF0 with the given pixel size, a
 * comment padding the file to the wanted byte count, EOI. image-size reads format and size from
 * these markers, which is all the photo check looks at.
 */
export function testJpeg(width: number, height: number, totalBytes = 20 * 1024): Buffer {
  const soi = Buffer.from([0xff, 0xd8]);
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x01, 0x01, 0x5e, 0x01, 0x5e, 0x00, 0x00]);
  const sof0 = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
  const eoi = Buffer.from([0xff, 0xd9]);
  const fixed = soi.length + app0.length + sof0.length + eoi.length;
  const parts: Buffer[] = [soi, app0];
  let pad = Math.max(0, totalBytes - fixed);
  while (pad >= 4) {
    const body = Math.min(pad - 4, 65533);
    const com = Buffer.alloc(4 + body, 0x20);
    com[0] = 0xff;
    com[1] = 0xfe;
    com.writeUInt16BE(body + 2, 2);
    parts.push(com);
    pad -= com.length;
  }
  return Buffer.concat([...parts, sof0, eoi]);
}
