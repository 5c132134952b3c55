import { v7 } from 'uuid';

/** A globally unique, time-ordered id (UUIDv7) for rows a team sync will merge across machines. */
export function newUuid(): string {
  return v7();
}
