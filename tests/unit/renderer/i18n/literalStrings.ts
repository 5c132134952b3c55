import ts from 'typescript';
import { parseSource, scanSources } from '../sourceFiles.ts';

/** A piece of text in renderer source that a user would read, written in the code instead of renderer/i18n. */
export interface LiteralText {
  file: string;
  line: number;
  text: string;
}

const HAN = /\p{Script=Han}/u;
/** Two English words in a row: a phrase, not an identifier (`fit-width`), a key or a unit. */
const ENGLISH_PHRASE = /[A-Za-z]{2,}[,;:.!?]?\s+[A-Za-z]{2,}/;
/** Any English word, for text rendered as JSX children (where even one word is shown as is). */
const ENGLISH_WORD = /[A-Za-z]{2,}/;

/** Attributes that hold identifiers or styling, never text for the reader. */
const NON_TEXT_ATTRIBUTES = new Set([
  'className',
  'key',
  'id',
  'type',
  'role',
  'name',
  'htmlFor',
  'href',
  'src',
  'lang',
  'accept',
  'autoComplete',
  'inputMode',
  'testId',
  'aria-labelledby',
  'aria-describedby',
  'aria-controls',
]);

/** Functions whose first argument is a message key, not a message. */
const KEY_TAKERS = new Set(['t', 'lookup']);

function calleeName(expr: ts.Expression): string {
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) return expr.name.text;
  return '';
}

/**
 * True when the literal is not shown to the user: module paths, message keys, identifiers in
 * attributes, and developers' messages (thrown errors, console output), which stay English.
 */
function isExempt(node: ts.Node): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (
      ts.isImportDeclaration(parent) ||
      ts.isExportDeclaration(parent) ||
      ts.isImportTypeNode(parent) ||
      ts.isLiteralTypeNode(parent)
    )
      return true;
    if (ts.isCallExpression(parent)) {
      const name = calleeName(parent.expression);
      if (KEY_TAKERS.has(name) && parent.arguments[0] === child) return true;
      if (ts.isPropertyAccessExpression(parent.expression) && calleeName(parent.expression.expression) === 'console') return true;
      if (parent.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
    }
    if (ts.isNewExpression(parent) && /Error$/.test(calleeName(parent.expression))) return true;
    if (ts.isJsxAttribute(parent)) {
      const attr = parent.name.getText();
      return NON_TEXT_ATTRIBUTES.has(attr) || attr.startsWith('data-');
    }
  }
  return false;
}

/** The visible literal text of one source file. */
export function literalTexts(file: string, source: string): LiteralText[] {
  const sf = parseSource(file, source);
  const out: LiteralText[] = [];
  const report = (node: ts.Node, text: string) =>
    out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: text.trim() });
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (HAN.test(node.text) || ENGLISH_WORD.test(node.text)) report(node, node.text);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      // A template is read as one text, its substitutions standing in as `{}`.
      const text = ts.isTemplateExpression(node)
        ? node.head.text + node.templateSpans.map((sp) => `{}${sp.literal.text}`).join('')
        : node.text;
      if ((HAN.test(text) || ENGLISH_PHRASE.test(text)) && !isExempt(node)) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

export function literalTextsIn(dir: string): LiteralText[] {
  return scanSources(dir, literalTexts);
}
