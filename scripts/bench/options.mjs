// The bench's command line: which cases run, how many times, and whether the docs are
// rewritten. Kept apart from scripts/bench.mjs so the defaults sit in one place.

const KiB = 1024;
const MiB = 1024 * KiB;
const GROUPS = ['charts', 'first', 'repos', 'files', 'big'];
const USAGE =
  'usage: node scripts/bench.mjs [--quick] [--write | --no-write] [--keep] ' +
  '[--only=charts,first,repos,files,big] [--big=1,2,4] [--repos=500,2000,5000] [--files=100000] ' +
  '[--build=REV]';

// Payload sizes are a little under the target so the .tgz (payload + tar/gzip framing +
// the chart's YAML) lands close to it.
const SIZES = [
  { label: '20 KiB', name: 'bench-small', payload: 20 * KiB - 1200 },
  { label: '1 MiB', name: 'bench-medium', payload: MiB - 1200 },
  { label: '16 MiB', name: 'bench-large', payload: 16 * MiB - 8 * KiB },
  { label: '256 MiB', name: 'bench-huge', payload: 256 * MiB - 128 * KiB, big: true },
];

function fail(message) {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const numbers = (name, value) => {
  const xs = value.split(',').filter(Boolean).map(Number);
  if (xs.some((x) => !Number.isInteger(x) || x <= 0)) fail(`--${name} wants whole numbers`);
  return xs;
};

/** Parses `argv` (process.argv without node and the script). */
export function options(argv) {
  const flags = new Set();
  const values = {};
  for (const a of argv) {
    const m = /^--(only|big|repos|files|build)=(.*)$/.exec(a);
    if (m) values[m[1]] = m[2];
    else if (['--quick', '--write', '--no-write', '--keep', '--help', '-h'].includes(a)) {
      flags.add(a);
    } else fail(`unknown option ${a}`);
  }
  if (flags.has('--help') || flags.has('-h')) {
    console.log(USAGE);
    process.exit(0);
  }
  const quick = flags.has('--quick');
  const groups = new Set(values.only ? values.only.split(',') : GROUPS);
  for (const g of groups) if (!GROUPS.includes(g)) fail(`unknown group ${g}`);
  const partial = groups.size < GROUPS.length || 'big' in values || 'repos' in values;
  const runs = {
    warm: quick ? 3 : 7,
    warmBig: 3,
    warmHuge: 1, // one more drop after the first of a GiB archive
    redrop: 3,
    first: quick ? 3 : 5,
    native: quick ? 3 : 7,
    nativeBig: 3,
    nativeHuge: 2,
    repoWarm: quick ? 2 : 3,
    repoWarmLarge: 1,
    repoNative: 3,
    repoNativeLarge: 2,
  };
  // The first drop's ratio needs the 20 KiB chart's warm drops, so `first` measures it.
  const sizes = groups.has('charts')
    ? SIZES.filter((s) => !(quick && s.big))
    : SIZES.slice(0, groups.has('first') ? 1 : 0);
  const pick = (group, name, full, short) =>
    !groups.has(group) ? [] : values[name] ? numbers(name, values[name]) : quick ? short : full;
  return {
    quick,
    partial,
    keep: flags.has('--keep'),
    build: values.build ?? '',
    // A quick or partial run would replace the full table with a smaller one: only on request.
    write: flags.has('--write') || (!quick && !partial && !flags.has('--no-write')),
    groups,
    runs,
    sizes,
    repoCounts: pick('repos', 'repos', [500, 2000, 5000], [50]),
    manyFiles: pick('files', 'files', [100_000], [100_000])[0] ?? 0,
    bigGiB: pick('big', 'big', [1, 2, 4], []),
  };
}
