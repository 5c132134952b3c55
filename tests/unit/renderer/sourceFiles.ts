import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Files under a folder whose names end with one of the given extensions, sorted (no `.d.ts`, no configs). */
export function filesIn(dir: string, extensions: readonly string[]): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(
      (e) =>
        e.isFile() && extensions.some((x) => e.name.endsWith(x)) && !e.name.endsWith('.d.ts') && !e.name.endsWith('.config.ts'),
    )
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** A TypeScript or TSX source file's syntax tree, with parents set. */
export function parseSource(file: string, source: string): ts.SourceFile {
  return ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
}

/** Runs `scan` over every .ts/.tsx file under a folder (named relative to the working directory) and joins what it finds. */
export function scanSources<T>(dir: string, scan: (file: string, source: string) => T[]): T[] {
  return filesIn(dir, ['.ts', '.tsx']).flatMap((f) => scan(path.relative(process.cwd(), f), readFileSync(f, 'utf8')));
}
