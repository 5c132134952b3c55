// Vite's `?url` import of pdf.js's worker (declared narrowly so it cannot clash with vite/client).
declare module 'pdfjs-dist/build/pdf.worker.min.mjs?url' {
  const url: string;
  export default url;
}
