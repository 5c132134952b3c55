import type { Client } from '../../api/client.ts';

/** What the word list needs from the one typed client (`api` from renderer/api/client.ts fits). */
export type WordListClient = Pick<Client, 'words' | 'stageFile'>;
