import { createContext } from 'react';

/** Turns a page index into its short label (`第 002 页`); a marker shows it as `— 第 002 页 —`. */
export type PageLabeler = (page: number) => string;

/** Printed page numbers are shown with three digits, as the book's running footers print them. */
export function padPrinted(label: string): string {
  return /^\d{1,2}$/.test(label) ? label.padStart(3, '0') : label;
}

export interface PageLabelFormats {
  /** Template with `{label}`, used when the page's printed number is known. */
  printed: string;
  /** Template with `{n}` (1-based page of the volume), used for unnumbered pages. */
  unnumbered: string;
}

export function makePageLabeler(
  printedLabels: ReadonlyMap<number, string | null>,
  formats: PageLabelFormats,
): PageLabeler {
  return (page) => {
    const printed = printedLabels.get(page);
    return printed
      ? formats.printed.replace('{label}', padPrinted(printed))
      : formats.unnumbered.replace('{n}', String(page + 1));
  };
}

export const PageLabelContext = createContext<PageLabeler>((page) => String(page + 1));

/** The text inside a page marker. */
export function markerText(label: string): string {
  return `— ${label} —`;
}
