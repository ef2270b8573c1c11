// yamlShape: what Helm's type check needs of a document, the same whether the text was parsed
// just now or remembered from an earlier parseYaml (src/core/yaml.ts).
import { describe, expect, it } from 'vitest';
import { parseYaml, yamlShape, YamlError } from '../src/core/yaml';

const goError = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof YamlError) return e.go;
    throw e;
  }
  return null;
};

describe('yamlShape', () => {
  const cases: [string, string][] = [
    ['files:\n  a.tgz: sha256:00\n', 'map'],
    ['', 'empty'],
    ['# only a comment\n', 'empty'],
    ['- a\n- b\n', 'list'],
    ['just words\n', 'scalar'],
    ['a: &x [1]\nb: *x\n', 'map'],
  ];
  it.each(cases)('%j is a %s, asked first', (text, shape) => {
    expect(yamlShape(`${text}# first\n`)).toBe(shape);
  });
  it.each(cases)('%j is a %s after parseYaml read it', (text, shape) => {
    const t = `${text}# second\n`;
    parseYaml(t);
    expect(yamlShape(t)).toBe(shape);
  });

  it('throws the YamlError parseYaml throws, first or remembered', () => {
    for (const text of ['a: b: c\n', 'a:\n\t- x\n', 'k: "open\n', '<<: 1\n']) {
      const fresh = goError(() => yamlShape(text));
      expect(fresh).not.toBeNull();
      expect(goError(() => parseYaml(text))).toBe(fresh);
      expect(goError(() => yamlShape(text))).toBe(fresh);
    }
  });

  it('is not told by a parse with another scalar reader', () => {
    // The signer's reader types scalars (a bare "~" is null); Helm's check reads text.
    const asNull = () => null;
    expect(parseYaml('~ typed\n', asNull)).toBeNull();
    expect(yamlShape('~ typed\n')).toBe('scalar');
  });

  it('answers right for more texts than it keeps', () => {
    for (let i = 0; i < 20; i++) parseYaml(`- item ${i}\n`);
    for (let i = 0; i < 20; i++) expect(yamlShape(`- item ${i}\n`)).toBe('list');
    expect(yamlShape('- item 0\n')).toBe('list');
  });
});
