import type { Client } from '../../api/client.ts';

/** What the notes panel needs from the one typed client (`api` from renderer/api/client.ts fits). */
export type NotesClient = Pick<Client, 'notes'>;
