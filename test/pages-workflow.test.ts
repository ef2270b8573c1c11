// The GitHub Pages workflow is valid (offline: our own schema for the syntax we use, plus the
// cross-references a schema cannot express), and BASE_PATH reaches the built page's URLs.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..');
const schema = JSON.parse(
  readFileSync(join(root, 'docs/schemas/github-workflow.subset.schema.json'), 'utf8'),
) as object;
const validate = new Ajv2020({ strict: true, allowUnionTypes: true }).compile(schema);
const source = readFileSync(join(root, '.github/workflows/pages.yml'), 'utf8');

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  environment?: string | { name: string };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string };
  jobs: Record<string, Job>;
}

/** What a deploy-to-Pages workflow needs beyond valid syntax; empty when all is well. */
function problems(w: Workflow): string[] {
  const out: string[] = [];
  const jobs = Object.entries(w.jobs);
  const action = (s: Step) => s.uses?.split('@')[0];
  for (const [name, job] of jobs) {
    for (const n of [job.needs ?? []].flat())
      if (!(n in w.jobs)) out.push(`${name} needs missing job ${n}`);
  }
  const deploy = jobs.find(([, j]) => j.steps.some((s) => action(s) === 'actions/deploy-pages'));
  if (!deploy) out.push('no job uses actions/deploy-pages');
  else {
    const env = deploy[1].environment;
    if ((typeof env === 'string' ? env : env?.name) !== 'github-pages')
      out.push('deploy job lacks environment github-pages');
  }
  const builder = jobs.find(([, j]) =>
    j.steps.some((s) => action(s) === 'actions/upload-pages-artifact'),
  );
  if (!builder) out.push('no job uploads a Pages artifact');
  else {
    const steps = builder[1].steps;
    const upload = steps.find((s) => action(s) === 'actions/upload-pages-artifact')!;
    if (upload.with?.path !== 'dist') out.push('the artifact is not dist');
    const runs = steps.map((s) => s.run);
    if (!runs.includes('npm ci') || !runs.includes('npm run build'))
      out.push('build job does not run npm ci and npm run build');
    const pagesId = steps.find((s) => action(s) === 'actions/configure-pages')?.id;
    const built = steps.find((s) => s.run === 'npm run build');
    if (!pagesId || !String(built?.env?.BASE_PATH).includes(`steps.${pagesId}.outputs.base_path`))
      out.push('BASE_PATH does not come from configure-pages');
    if (deploy && ![deploy[1].needs ?? []].flat().includes(builder[0]))
      out.push('deploy does not wait for the build');
  }
  const p = w.permissions ?? {};
  if (p.pages !== 'write' || p['id-token'] !== 'write' || p.contents !== 'read')
    out.push('permissions must be pages: write, id-token: write, contents: read');
  if (!w.concurrency) out.push('no concurrency group');
  const push = w.on.push as { branches?: string[] } | undefined;
  if (!push?.branches?.includes('main')) out.push('not run on push to main');
  if (!('workflow_dispatch' in w.on)) out.push('no workflow_dispatch');
  return out;
}

const fresh = () => parse(source) as Workflow;

describe('.github/workflows/pages.yml', () => {
  it('matches the workflow schema', () => {
    expect(validate(fresh()), JSON.stringify(validate.errors)).toBe(true);
  });

  it('builds, uploads dist and deploys to the github-pages environment', () => {
    expect(problems(fresh())).toEqual([]);
  });

  it('rejects broken copies', () => {
    const both = fresh();
    both.jobs.build!.steps[0]!.run = 'echo hi'; // uses and run together
    expect(validate(both)).toBe(false);
    const unpinned = fresh();
    unpinned.jobs.build!.steps[0]!.uses = 'actions/checkout@main';
    expect(validate(unpinned)).toBe(false);
    const noRunsOn = fresh() as unknown as { jobs: Record<string, Record<string, unknown>> };
    delete noRunsOn.jobs.deploy!['runs-on'];
    expect(validate(noRunsOn)).toBe(false);

    const dangling = fresh();
    dangling.jobs.deploy!.needs = 'compile';
    expect(problems(dangling)).toContain('deploy needs missing job compile');
    const noEnv = fresh();
    delete noEnv.jobs.deploy!.environment;
    expect(problems(noEnv)).toContain('deploy job lacks environment github-pages');
    const wrongDir = fresh();
    wrongDir.jobs.build!.steps.find((s) => s.uses?.includes('upload-pages'))!.with!.path = 'out';
    expect(problems(wrongDir)).toEqual(['the artifact is not dist']);
  });
});

describe('BASE_PATH', () => {
  it('makes the built page use absolute URLs under that path', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'chartproof-base-'));
    const before = process.env.BASE_PATH;
    process.env.BASE_PATH = '/somerepo/';
    try {
      await build({
        root,
        logLevel: 'silent',
        build: { outDir, emptyOutDir: true, sourcemap: false },
      });
      const html = readFileSync(join(outDir, 'index.html'), 'utf8');
      const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
      const assets = urls.filter((u) => u.includes('assets/'));
      expect(assets.length).toBeGreaterThan(0);
      for (const u of assets) expect(u).toMatch(/^\/somerepo\/assets\//);
    } finally {
      if (before === undefined) delete process.env.BASE_PATH;
      else process.env.BASE_PATH = before;
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
