import { createElement, useContext } from 'react';
import { markerText, PageLabelContext } from '../pageLabels.ts';

/** What a page marker renders inside its non-editable span; the text never enters the document. */
export function PageMarkerView({ page }: { page: number }) {
  const label = useContext(PageLabelContext);
  return createElement('span', { className: 'page-marker__label' }, markerText(label(page)));
}
