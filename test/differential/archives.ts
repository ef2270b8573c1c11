// Chart archives written byte by byte (ustar headers from test/tar-builder.ts, gzip from zlib,
// which writes a fixed header: mtime 0), and the faults a signed archive may carry.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { concat } from '../bytes';
import { file, tar } from '../tar-builder';
import { CHART, type Rng } from './model';

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
export const sha512 = (b: Uint8Array) => createHash('sha512').update(b).digest('hex');
const gz = (b: Uint8Array) => new Uint8Array(gzipSync(b, { level: 9 }));

export const chartYaml = (version = CHART.version, name = CHART.name) =>
  `apiVersion: v2\nappVersion: 1.16.0\ndescription: A chart for differential tests\n` +
  `name: ${name}\ntype: application\nversion: ${version}\n`;

const VALUES = 'replicaCount: 1\nimage:\n  repository: nginx\n  tag: "1.27"\n';
const TEMPLATE =
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-demo\n' +
  'data:\n  replicas: {{ .Values.replicaCount | quote }}\n';

/** The chart's tar entries (header + padded data each), Chart.yaml first. */
export function chartEntries(chart = chartYaml()): Uint8Array[][] {
  const top = CHART.name;
  return [
    file(`${top}/Chart.yaml`, chart),
    file(`${top}/values.yaml`, VALUES),
    file(`${top}/templates/configmap.yaml`, TEMPLATE),
  ];
}

export type ArchiveFault =
  | 'none'
  | 'gzip-members'
  | 'trailing-garbage'
  | 'trailing-zeros'
  | 'dup-chart-last-differs'
  | 'dup-chart-first-differs'
  | 'tar-cut-in-file'
  | 'tar-bad-checksum';

/** A gzip'd chart tar with `fault`; `r` makes the arbitrary choices (split point, garbage). */
export function chartArchive(fault: ArchiveFault, r: Rng): Uint8Array {
  const entries = chartEntries();
  const plain = tar(...entries);
  switch (fault) {
    case 'none':
      return gz(plain);
    case 'gzip-members': {
      // Split at a block boundary inside the archive: each member alone is a partial tar.
      const blocks = plain.length / 512;
      const cut = 512 * (1 + r.int(blocks - 2));
      return concat([gz(plain.subarray(0, cut)), gz(plain.subarray(cut))]);
    }
    case 'trailing-garbage':
      return concat([gz(plain), r.bytes(37).map((b) => b | 0x40)]);
    case 'trailing-zeros':
      return concat([gz(plain), new Uint8Array(512)]);
    case 'dup-chart-last-differs':
      return gz(tar(...entries, file(`${CHART.name}/Chart.yaml`, chartYaml('2.0.0'))));
    case 'dup-chart-first-differs':
      return gz(tar(file(`${CHART.name}/Chart.yaml`, chartYaml('2.0.0')), ...entries));
    case 'tar-cut-in-file': {
      // A big values file, cut in the middle of its data: no end-of-archive blocks follow.
      const big = file(`${CHART.name}/files/data.txt`, 'x'.repeat(4096 + r.int(4096)));
      const whole = concat([...entries.flat(), ...big]);
      return gz(whole.subarray(0, whole.length - 1024 - r.int(1024)));
    }
    case 'tar-bad-checksum': {
      const t = tar(...entries);
      const second = entries[0]!.reduce((n, p) => n + p.length, 0);
      t[second + 148] = 0x37; // checksum field's first digit: now wrong
      t[second + 149] = 0x37;
      return gz(t);
    }
  }
}
