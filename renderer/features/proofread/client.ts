import type { Client } from '../../api/client.ts';

/** What the proofreading view needs from the one typed client (`api` from renderer/api/client.ts fits). */
export type ProofreadClient = Pick<
  Client,
  'cases' | 'revisions' | 'volumes' | 'pages' | 'prefs' | 'words' | 'stageFile' | 'notes' | 'jobs'
>;
