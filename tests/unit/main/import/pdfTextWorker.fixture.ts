// Runs extractPdfPages inside a worker_thread (no DOM, no pdf.js worker of its own) for pdfText.test.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { extractPdfPages } from '../../../../main/import/pdfText.ts';

const extracted = await extractPdfPages(workerData as Uint8Array);
parentPort?.postMessage(extracted);
