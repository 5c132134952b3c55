import { transform } from 'lightningcss';
import ts from 'typescript';
import { parseSource, scanSources } from './sourceFiles.ts';

/** A class name written in renderer source: whole, or (`dynamic`) the static start of a template. */
export interface ClassUse {
  file: string;
  line: number;
  name: string;
  dynamic: boolean;
  /** Offset of the name in the source text. */
  pos: number;
}

/** Methods taking class names (`classList.add('x')`) and methods taking a selector (`querySelector('.x')`). */
const CLASS_LIST_METHODS = new Set(['add', 'remove', 'toggle', 'contains', 'replace']);
const SELECTOR_METHODS = new Set(['querySelector', 'querySelectorAll', 'closest', 'matches']);

function propertyName(name: ts.PropertyName): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : '';
}

/**
 * The literal parts of an expression that can end up as the class string: both branches of a
 * condition, the right of `&&`, either side of `||`/`??`; not the literals a condition compares.
 */
function resultLiterals(expr: ts.Expression): Array<ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression> {
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr) || ts.isTemplateExpression(expr)) return [expr];
  if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr))
    return resultLiterals(expr.expression);
  if (ts.isConditionalExpression(expr)) return [...resultLiterals(expr.whenTrue), ...resultLiterals(expr.whenFalse)];
  if (ts.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return resultLiterals(expr.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken)
      return [...resultLiterals(expr.left), ...resultLiterals(expr.right)];
  }
  return [];
}

/** Every string value of an object literal, nested objects included (a Lexical theme). */
function objectLiterals(obj: ts.ObjectLiteralExpression): ReturnType<typeof resultLiterals> {
  return obj.properties.flatMap((p) => {
    if (!ts.isPropertyAssignment(p)) return [];
    return ts.isObjectLiteralExpression(p.initializer) ? objectLiterals(p.initializer) : resultLiterals(p.initializer);
  });
}

/**
 * Splits literal text into class names. A name running into a `${…}` is dynamic (its static
 * start is kept); a piece following one continues a dynamic name and is not a name of its own.
 */
function namesInText(
  text: string,
  offset: number,
  dynamicEnd: boolean,
  dynamicStart: boolean,
): Array<{ name: string; pos: number; dynamic: boolean }> {
  const out: Array<{ name: string; pos: number; dynamic: boolean }> = [];
  for (const m of text.matchAll(/\S+/g)) {
    const start = m.index;
    const end = start + m[0].length;
    if (dynamicStart && start === 0) continue;
    out.push({ name: m[0], pos: offset + start, dynamic: dynamicEnd && end === text.length });
  }
  return out;
}

function literalNames(lit: ReturnType<typeof resultLiterals>[number], sf: ts.SourceFile) {
  if (!ts.isTemplateExpression(lit)) return namesInText(lit.text, lit.getStart(sf) + 1, false, false);
  const parts = [
    { node: lit.head, text: lit.head.text },
    ...lit.templateSpans.map((s) => ({ node: s.literal, text: s.literal.text })),
  ];
  // Head and middles open with one character (` or }) before their text.
  return parts.flatMap((p, i) => namesInText(p.text, p.node.getStart(sf) + 1, i < parts.length - 1, i > 0));
}

/** Class names in a selector's literal text: `.name` not running into a `${…}`. */
function selectorNames(lit: ReturnType<typeof resultLiterals>[number], sf: ts.SourceFile) {
  const parts = ts.isTemplateExpression(lit) ? [lit.head, ...lit.templateSpans.map((s) => s.literal)] : [lit];
  return parts.flatMap((p, i) =>
    [...p.text.matchAll(/\.(-?[A-Za-z_][\w-]*)/g)]
      .filter((m) => !(i < parts.length - 1 && m.index + m[0].length === p.text.length))
      .map((m) => ({ name: m[1] as string, pos: p.getStart(sf) + 1 + m.index + 1, dynamic: false })),
  );
}

/**
 * Class names a renderer source file writes: `className` attributes, properties and assignments,
 * `classList` calls, selectors given to `querySelector`/`closest`, Lexical theme objects
 * (`EditorThemeClasses`) and `*_CLASS` constants.
 */
export function classUses(file: string, source: string): ClassUse[] {
  const sf = parseSource(file, source);
  const out: ClassUse[] = [];
  const add = (found: Array<{ name: string; pos: number; dynamic: boolean }>) => {
    for (const f of found) out.push({ file, line: sf.getLineAndCharacterOfPosition(f.pos).line + 1, ...f });
  };
  const addClasses = (expr: ts.Expression | undefined) => {
    if (expr) for (const lit of resultLiterals(expr)) add(literalNames(lit, sf));
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxAttribute(node) && node.name.getText(sf) === 'className' && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) addClasses(init);
      else if (ts.isJsxExpression(init)) addClasses(init.expression);
    } else if (ts.isPropertyAssignment(node) && propertyName(node.name) === 'className') {
      addClasses(node.initializer);
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      node.left.name.text === 'className'
    ) {
      addClasses(node.right);
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const target = node.expression.expression;
      if (CLASS_LIST_METHODS.has(method) && ts.isPropertyAccessExpression(target) && target.name.text === 'classList') {
        for (const arg of node.arguments) addClasses(arg);
      } else if (SELECTOR_METHODS.has(method) && node.arguments[0]) {
        for (const lit of resultLiterals(node.arguments[0])) add(selectorNames(lit, sf));
      }
    } else if (ts.isVariableDeclaration(node) && node.initializer) {
      const declared = node.type?.getText(sf) ?? '';
      if (declared === 'EditorThemeClasses' && ts.isObjectLiteralExpression(node.initializer)) {
        for (const lit of objectLiterals(node.initializer)) add(literalNames(lit, sf));
      } else if (ts.isIdentifier(node.name) && /_CLASS$/.test(node.name.text)) {
        addClasses(node.initializer);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Every class a stylesheet's selectors name, `:not()`, `:is()` and nesting included. */
export function cssClasses(file: string, code: string): string[] {
  const names = new Set<string>();
  transform({
    filename: file,
    code: Buffer.from(code),
    visitor: {
      Selector(selector) {
        for (const component of selector) if (component.type === 'class') names.add(component.name);
      },
    },
  });
  return [...names].sort();
}

/** The names given to `::highlight()` (CSS Custom Highlights) in a stylesheet. */
export function highlightNames(code: string): string[] {
  return [...code.matchAll(/::highlight\(\s*([^)\s]+)\s*\)/g)].map((m) => m[1] as string);
}

export function classUsesIn(dir: string): ClassUse[] {
  return scanSources(dir, classUses);
}
