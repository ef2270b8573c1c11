// Section 2: gunzip and tar indexing speed on a generated archive of `bigMiB` MiB, and the
// time to refuse a gzip bomb.
import { gunzipSync, gzipSync } from 'node:zlib';
import { ustarHeader } from './ustar-header.mjs';

/** Many 50 KiB template files of seeded random text (about 2:1 under gzip). */
function bigArchive(bigMiB) {
  let seed = 42;
  const rand = () => (
    (seed ^= seed << 13),
    (seed ^= seed >>> 17),
    (seed ^= seed << 5),
    (seed >>> 0) / 2 ** 32
  );
  const fileSize = 50 * 1024;
  const count = Math.round((bigMiB * 2 ** 20) / (fileSize + 512));
  const big = new Uint8Array(count * (512 + fileSize) + 1024);
  for (let i = 0, at = 0; i < count; i++, at += fileSize) {
    big.set(ustarHeader(`big/templates/file-${i}.yaml`, { size: fileSize }), at);
    at += 512;
    // Lines of a fixed key and random letters compress about 2:1 (charts do 4-10:1).
    for (let j = 0; j < fileSize; j++) {
      big[at + j] = j % 40 === 39 ? 10 : j % 40 < 8 ? 97 + (j % 7) : 97 + Math.floor(rand() * 26);
    }
  }
  return { big, count };
}

export function reportSpeed(out, { built, readers }, bigMiB) {
  const { big, count } = bigArchive(bigMiB);
  const bigGz = gzipSync(big);
  const median = (f) => {
    const t = [0, 1, 2].map(() => ((s) => (f(), performance.now() - s))(performance.now()));
    return t.sort((a, b) => a - b)[1].toFixed(0);
  };
  const { gunzip, readChartArchive } = built.ours.module;
  const size = (n) => `${(n / 2 ** 20).toFixed(1)} MiB`;
  out(
    `\n## Speed: ${count} files, ${size(big.length)} tar, ${size(bigGz.length)} gzip (median of 3, ms)`,
  );
  out(
    `- gunzip, ours (pako, streaming, limit 200 MiB): ${median(() => gunzip(bigGz, { maxTotal: 200 * 2 ** 20 }))}`,
  );
  out(`- gunzip, node:zlib (native, for scale): ${median(() => gunzipSync(bigGz))}`);
  for (const [name, read] of Object.entries(readers))
    out(`- index the tar, ${name}: ${median(() => read(big))}`);
  out(`- readChartArchive (gunzip, tar, Helm checks): ${median(() => readChartArchive(bigGz))}`);
  const bomb = Buffer.concat([
    gzipSync(ustarHeader('b/x', { size: 2 ** 30 })),
    gzipSync(Buffer.alloc(2 ** 30)),
  ]);
  out(
    `- a ${(bomb.length / 1024).toFixed(0)} KiB gzip bomb (1 GiB of zeros), refused at 100 MiB: ${median(() => gunzip(bomb))}`,
  );
}
