// What the scan pane loads on demand: the viewer and, through it, pdf.js (a chunk of its own).
export { ScanViewer } from './ScanViewer.tsx';
export { warmPdfWorker } from './pdfPages.ts';
