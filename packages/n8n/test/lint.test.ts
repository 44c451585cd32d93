/**
 * n8n's community-node lint over the package (0 errors, 0 warnings), and the community package scanner's
 * rules (Cloud globals and imports, inline comments ignored) over the built bundles.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join, sep } from 'node:path';

const PKG = join(__dirname, '..');
// The eslint n8n's lint pins (this package's devDependency), whichever node_modules it landed in.
const eslintMain = require.resolve('eslint', { paths: [PKG] });
const ESLINT = join(eslintMain.slice(0, eslintMain.lastIndexOf(`${sep}eslint${sep}`) + 8), 'bin', 'eslint.js');

function eslint(args: string[]): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync(process.execPath, [ESLINT, ...args], { cwd: PKG, encoding: 'utf8', stdio: 'pipe' }) };
  } catch (err) {
    const e = err as { status: number; stdout?: string; stderr?: string };
    return { code: e.status, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

test("the package passes n8n's community-node lint with no findings", () => {
  const { code, out } = eslint(['.', '--max-warnings=0']);
  expect(out.trim()).toBe('');
  expect(code).toBe(0);
}, 120_000);

test("the built bundles pass the community package scanner's rules", () => {
  const out = mkdtempSync(join(PKG, '.dist-test-'));
  try {
    execFileSync(process.execPath, [join(PKG, 'build.mjs'), '--outdir', out], { stdio: 'pipe' });
    const res = eslint(['--no-config-lookup', '-c', 'eslint.dist.config.mjs', out]);
    expect(res.out.trim()).toBe('');
    expect(res.code).toBe(0);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 120_000);
