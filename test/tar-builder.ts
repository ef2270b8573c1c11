// Hand-built tar streams for tests: exact headers (ustar, PAX, links) without a tar tool.

export type HeaderOptions = { type?: string; size?: number; link?: string; prefix?: string };

export function header(name: string, o: HeaderOptions = {}) {
  const b = new Uint8Array(512);
  const octal = (n: number, width: number) => n.toString(8).padStart(width, '0') + '\0';
  const put = (at: number, s: string) => b.set(new TextEncoder().encode(s), at);
  put(0, name);
  [100, 108, 116].forEach((at, i) => put(at, octal([0o644, 0, 0][i]!, 7)));
  put(124, octal(o.size ?? 0, 11));
  put(136, octal(1736717568, 11));
  put(156, o.type ?? '0');
  put(157, o.link ?? '');
  put(257, 'ustar\x0000');
  put(345, o.prefix ?? '');
  put(148, ' '.repeat(8));
  const sum = b.reduce((s, x) => s + x, 0);
  put(148, octal(sum, 6));
  return b;
}

export function file(name: string, text: string, options: HeaderOptions = {}): Uint8Array[] {
  const body = new TextEncoder().encode(text);
  const padded = new Uint8Array(Math.ceil(body.length / 512) * 512);
  padded.set(body);
  return [header(name, { ...options, size: body.length }), padded];
}

export function pax(records: Record<string, string>): Uint8Array[] {
  let text = '';
  for (const [k, v] of Object.entries(records)) {
    const rest = ` ${k}=${v}\n`;
    const n = new TextEncoder().encode(rest).length;
    text += `${n + String(n + String(n).length).length}${rest}`;
  }
  return file('PaxHeaders/x', text, { type: 'x' });
}

/** The parts, then the two zero blocks that end a tar. */
export const tar = (...parts: Uint8Array[][]) =>
  Buffer.concat([...parts.flat(), new Uint8Array(1024)]);

/** A file of `size` zero bytes (a cheap way to make a big archive). */
export function zeros(name: string, size: number): Uint8Array[] {
  return [header(name, { size }), new Uint8Array(Math.ceil(size / 512) * 512)];
}
