#!/usr/bin/env node
// make-hostile.mjs - writes the hostile chart corpus to e2e/fixtures/hostile/: chart
// archives (NAME-VERSION.tgz) that each attack the page a different way (XSS in markdown,
// names, values, Chart.yaml; odd tar entries; Unicode tricks; deep nesting; prototype keys),
// a few of them signed like `helm package --sign` with a throwaway key whose user ID is
// itself a payload, a manifest.json the e2e spec reads (each case's expected verdict and
// tree paths) and a README.md listing the cases. The cases live in hostile/cases-*.mjs;
// archives are reproducible (hostile/tar-writer.mjs), keys and .prov files differ per run.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from './hostile/chart.mjs';
import { chartYamlCases } from './hostile/cases-chart-yaml.mjs';
import { contentCases } from './hostile/cases-content.mjs';
import { fileCases } from './hostile/cases-files.mjs';
import { markdownCases } from './hostile/cases-markdown.mjs';
import { pathCases } from './hostile/cases-paths.mjs';
import { tarEntryCases } from './hostile/cases-tar-entries.mjs';
import { corpusReadme } from './hostile/corpus-readme.mjs';
import { withThrowawaySigner } from './hostile/sign.mjs';
import { gz, reportedPath } from './hostile/tar-writer.mjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '../e2e/fixtures/hostile');
const KEY_FILE = 'hostile-signer.asc';
const SIGNER = `"><img src=x onerror="window.__pwned=1;alert(1)"> <script>window.__pwned=1</script> <signer@chartproof.invalid>`;

// The order here is the order of manifest.json and the README table.
const cases = [
  ...markdownCases,
  ...fileCases,
  ...chartYamlCases,
  ...pathCases,
  ...contentCases,
  ...tarEntryCases,
];

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const manifest = [];
withThrowawaySigner(SIGNER, ({ publicKey, prov: signProv }) => {
  writeFileSync(join(OUT, KEY_FILE), publicKey);
  for (const c of cases) {
    const archive = `${c.id}-${VERSION}.tgz`;
    const bytes = gz(c.entries);
    writeFileSync(join(OUT, archive), bytes);
    let prov = null;
    if (c.sign) {
      const meta = c.provMeta ?? c.entries.find((e) => e.path === `${c.id}/Chart.yaml`).data;
      prov = `${archive}.prov`;
      writeFileSync(join(OUT, prov), signProv(meta, archive, bytes));
    }
    manifest.push({
      id: c.id,
      archive,
      prov,
      key: c.sign ? KEY_FILE : null,
      status: c.status ?? (c.sign ? 'verified' : 'unsigned'),
      warnings: c.warnings ?? [],
      paths: c.entries.map(reportedPath).filter((p) => p !== null),
      attacks: c.attacks,
    });
  }
});
writeFileSync(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
writeFileSync(join(OUT, 'README.md'), corpusReadme(manifest, KEY_FILE));
const size = readdirSync(OUT).length;
console.log(`${manifest.length} hostile charts (${size} files) written to ${OUT}`);
