// The gzip member Helm's Save writes (Go's compress/gzip at the default level): a header with
// no time and OS 255 ("unknown"), the extra field Helm always sets (headerBytes in
// chart/v2/util/save.go) and the comment "Helm", then the deflate stream (pako: the bytes
// differ from Go's compressor, the contents do not) and the CRC-32 / size trailer.

import { deflateRaw } from 'pako';

/** Helm's gzip extra field, byte for byte. */
const HELM_EXTRA = new TextEncoder().encode('+aHR0cHM6Ly95b3V0dS5iZS96OVV6MWljandyTQo=');
const FEXTRA = 0x04;
const FCOMMENT = 0x10;

export function gzipLikeHelm(data: Uint8Array): Uint8Array {
  const comment = new TextEncoder().encode('Helm\0');
  const header = [0x1f, 0x8b, 8, FEXTRA | FCOMMENT, 0, 0, 0, 0, 0, 0xff];
  const extraLength = [HELM_EXTRA.length & 0xff, HELM_EXTRA.length >> 8];
  const body = deflateRaw(data, { level: 6 });
  const trailer = new Uint8Array(8);
  const view = new DataView(trailer.buffer);
  view.setUint32(0, crc32(data), true);
  view.setUint32(4, data.length >>> 0, true);
  const parts = [Uint8Array.from([...header, ...extraLength]), HELM_EXTRA, comment, body, trailer];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
