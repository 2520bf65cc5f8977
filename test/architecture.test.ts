import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
const imports = (src: string) =>
  [...src.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);

describe('architecture', () => {
  it('has the documented layout', () => {
    for (const d of [
      'src/domain',
      'src/app',
      'src/db',
      'src/io',
      'src/server',
      'src/client',
      'src/cli',
      'src/web',
      'rules',
      'catalogue',
      'data',
      'docs/decisions',
    ]) {
      expect(existsSync(join(ROOT, d)), d).toBe(true);
    }
    for (const f of ['docs/architecture.md', 'docs/glossary.md', 'README.md']) expect(existsSync(join(ROOT, f)), f).toBe(true);
  });

  const domain = files(join(ROOT, 'src/domain')).filter((f) => !f.endsWith('.test.ts'));
  it.each(domain.map((f) => [relative(ROOT, f), f]))('%s imports only the domain and does no I/O', (_name, file) => {
    const src = readFileSync(file, 'utf8');
    // relative imports only, and each must resolve inside src/domain (subfolders may import each other)
    for (const spec of imports(src)) {
      expect(spec, `${file} imports ${spec}`).toMatch(/^\.\.?\/[a-z0-9\-/.]+\.js$/);
      const target = relative(join(ROOT, 'src/domain'), join(dirname(file), spec));
      expect(target.startsWith('..'), `${file} imports ${spec}, outside src/domain`).toBe(false);
    }
    const forbidden = /\b(process\.|Date\.now\(|new Date\(\)|Math\.random\(|fetch\(|require\(|console\.)/.exec(src);
    expect(forbidden?.[0] ?? null, `${file} uses ${forbidden?.[0]}`).toBeNull();
  });

  it('the app layer imports only the domain and its own modules', () => {
    for (const file of files(join(ROOT, 'src/app')).filter((f) => !f.endsWith('.test.ts'))) {
      for (const spec of imports(readFileSync(file, 'utf8'))) expect(spec, `${file} imports ${spec}`).toMatch(/^\.\/|^\.\.\/domain\//);
    }
  });

  it('the web app reaches the server only through the typed client', () => {
    for (const file of files(join(ROOT, 'src/web'))) {
      const src = readFileSync(file, 'utf8');
      expect(/\bfetch\(/.test(src) && !file.endsWith('.test.ts'), `${file} calls fetch directly`).toBe(false);
      for (const spec of imports(src)) expect(spec, `${file} imports ${spec}`).not.toMatch(/\.\.\/(db|server|app|io|cli)\//);
    }
  });
});
