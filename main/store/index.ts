export {
  openLibrary,
  libraryIsEmpty,
  checkIntegrity,
  APPLICATION_ID,
  DB_FILE,
  SCANS_DIR,
  type Library,
  type OpenOptions,
} from './db.ts';
export { HEARTBEAT_MS, LOCK_FILE, inspectLock, takeOverLock } from './lock.ts';
export { withTransaction } from './transaction.ts';
export { migrate, getUserVersion, schemaSnapshot, MIGRATIONS, LATEST_VERSION, type Migration } from './migrations/index.ts';
export * from './volumesRepo.ts';
export * from './pagesRepo.ts';
export * from './casesRepo.ts';
export * from './eventsRepo.ts';
export * from './workflowRepo.ts';
export * from './tocRepo.ts';
export * from './tagsRepo.ts';
export * from './assigneesRepo.ts';
export * from './searchRepo.ts';
export * from './importRepo.ts';
export * from './notesRepo.ts';
export * from './wordsRepo.ts';
export * from './dashboardRepo.ts';
