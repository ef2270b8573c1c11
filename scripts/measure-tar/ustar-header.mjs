// A ustar header block for hand-built archives (the damaged cases and the speed corpus).

export function ustarHeader(name, { type = '0', size = 0 } = {}) {
  const b = new Uint8Array(512);
  const put = (at, s) => b.set(new TextEncoder().encode(s), at);
  const octal = (n, width) => n.toString(8).padStart(width, '0') + '\0';
  put(0, name);
  [100, 108, 116].forEach((at, i) => put(at, octal([0o644, 0, 0][i], 7)));
  put(124, octal(size, 11));
  put(136, octal(1736717568, 11));
  put(156, type);
  put(257, 'ustar\x0000');
  put(148, ' '.repeat(8));
  const sum = b.reduce((s, x) => s + x, 0);
  put(148, octal(sum, 6));
  return b;
}
