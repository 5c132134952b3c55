import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { classUses, classUsesIn, cssClasses, highlightNames, type ClassUse } from './classNames.ts';
import { filesIn } from './sourceFiles.ts';

// The scheme is written at the top of renderer/styles.css; this holds every stylesheet and component to it.
const rendererDir = fileURLToPath(new URL('../../../renderer', import.meta.url));
const rel = (f: string) => path.relative(path.dirname(rendererDir), f).split(path.sep).join('/');

const WORD = '[a-z][a-z0-9]*(?:-[a-z0-9]+)*';
/** `block`, `block__element`, `block--modifier` or `block__element--modifier`, each part kebab-case. */
const SCHEME = new RegExp(`^(${WORD})(?:__${WORD})?(?:--${WORD})?$`);

/** The utilities named in the comment heading styles.css ("Global utilities, …: a, b, c."). */
function listedUtilities(css: string): string[] {
  const m = /Global utilities[^:]*:([^.]*)\./.exec(css);
  return m ? (m[1] as string).split(/[,\s*]+/).filter(Boolean) : [];
}

/** What is wrong with a class name, or null. Dynamic names are checked by their static start. */
function problem(name: string, dynamic: boolean, utilities: ReadonlySet<string>): string | null {
  if (name.startsWith('cb-')) return 'has the old cb- prefix';
  // A value put into a name makes an element or a modifier (`toast--${kind}`), never half a word (`stage-${id}`).
  if (dynamic && !/(__|--)$/.test(name)) return 'puts a value into a name other than as a whole element or modifier';
  const whole = dynamic ? `${name}x` : name;
  const m = SCHEME.exec(whole);
  if (!m) return 'is not block, block__element or block--modifier in kebab-case';
  const block = m[1] as string;
  if (utilities.has(block) && whole !== block) return 'adds an element or modifier to a global utility';
  return null;
}

const cssFiles = filesIn(rendererDir, ['.css']);
const stylesCss = readFileSync(path.join(rendererDir, 'styles.css'), 'utf8');
const utilities = new Set(listedUtilities(stylesCss));
const sheetClasses = cssFiles.map((f) => ({ file: rel(f), names: cssClasses(f, readFileSync(f, 'utf8')) }));
const uses = classUsesIn(rendererDir);

test('every class in a renderer stylesheet follows the naming scheme', () => {
  const bad = sheetClasses.flatMap(({ file, names }) =>
    names.flatMap((n) => {
      const why = problem(n, false, utilities);
      return why ? [`${file}: .${n} ${why}`] : [];
    }),
  );
  assert.deepEqual(bad, []);
});

test('every class the renderer writes follows the naming scheme', () => {
  assert.ok(uses.length > 200, `found only ${uses.length} class names: the collector has lost track of the source`);
  const bad = uses.flatMap((u) => {
    const why = problem(u.name, u.dynamic, utilities);
    return why ? [`${rel(u.file)}:${u.line} ${u.name}${u.dynamic ? '${…}' : ''} ${why}`] : [];
  });
  assert.deepEqual(bad, []);
});

test('an element or modifier belongs to a block the renderer uses', () => {
  const blocks = new Set(uses.filter((u) => !u.dynamic).map((u) => u.name));
  const bad = [...new Set(uses.map((u) => u.name))].flatMap((name) => {
    const block = SCHEME.exec(/(__|--)$/.test(name) ? `${name}x` : name)?.[1];
    return block && block !== name && !blocks.has(block) ? [`${name}: no element has the class ${block}`] : [];
  });
  assert.deepEqual(bad, []);
});

test('no stylesheet rule names a class the renderer never writes', () => {
  const written = new Set(uses.filter((u) => !u.dynamic).map((u) => u.name));
  const prefixes = uses.filter((u) => u.dynamic).map((u) => u.name);
  const dead = sheetClasses.flatMap(({ file, names }) =>
    names.filter((n) => !written.has(n) && !prefixes.some((p) => n.startsWith(p))).map((n) => `${file}: .${n}`),
  );
  assert.deepEqual(dead, []);
});

test('the global utilities are listed at the top of styles.css, and defined there', () => {
  assert.ok(utilities.size > 0, 'styles.css names its global utilities in its opening comment');
  const defined = new Set(sheetClasses.find((s) => s.file === 'renderer/styles.css')?.names);
  assert.deepEqual(
    [...utilities].filter((u) => !defined.has(u)),
    [],
  );
});

test('custom highlight names are kebab-case without the old prefix', () => {
  const names = cssFiles.flatMap((f) => highlightNames(readFileSync(f, 'utf8')));
  assert.ok(names.length > 0);
  assert.deepEqual(
    names.filter((n) => n.startsWith('cb-') || !new RegExp(`^${WORD}$`).test(n)),
    [],
  );
});

test('the collector reads class names from attributes, conditions, templates, themes and selectors', () => {
  const source = `
    const MARK_CLASS = 'page-marker__label';
    export const theme: EditorThemeClasses = { paragraph: 'case-editor__block', text: { base: 'case-editor__text' } };
    const COLUMNS = [{ key: 'n', className: 'data-table__col--num' }];
    export function X({ kind, on, id }: { kind: string; on: boolean; id: string }) {
      el.className = 'scan-viewer__page';
      el.classList.toggle('file-drop__zone--over', on);
      el.querySelector(\`[data-page] > .\${MARK_CLASS}, .toast__text\`);
      return (
        <div className={\`toast toast--\${kind}\`} data-testid="not-a-class">
          <li className={id === 'warnings' && on ? 'tabs__tab tabs__tab--warn' : 'tabs__tab'} />
          <p className="hint" />
        </div>
      );
    }`;
  const found = (u: ClassUse) => (u.dynamic ? `${u.name}*` : u.name);
  assert.deepEqual(classUses('X.tsx', source).map(found).sort(), [
    'case-editor__block',
    'case-editor__text',
    'data-table__col--num',
    'file-drop__zone--over',
    'hint',
    'page-marker__label',
    'scan-viewer__page',
    'tabs__tab',
    'tabs__tab',
    'tabs__tab--warn',
    'toast',
    'toast--*',
    'toast__text',
  ]);
});

test('the scheme accepts BEM names and utilities, and refuses the old shapes', () => {
  const ok = ['case-bar', 'case-bar__title', 'toast--error', 'data-table__col--num', 'primary', 'visually-hidden'];
  assert.deepEqual(
    ok.map((n) => problem(n, false, utilities)),
    ok.map(() => null),
  );
  for (const n of [
    'cb-proof',
    'cb-proof__main',
    'Toast',
    'toast_text',
    'dialog__header__title',
    'a--b--c',
    'primary--large',
    'muted__x',
  ])
    assert.notEqual(problem(n, false, utilities), null, n);
  assert.equal(problem('stage-badge--', true, utilities), null);
  assert.notEqual(problem('stage-badge', true, utilities), null);
  assert.notEqual(problem('stage-', true, utilities), null);
  assert.notEqual(problem('cb-splitter--', true, utilities), null);
});
