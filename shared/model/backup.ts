import { z } from 'zod';

export const BackupKind = z.enum(['daily', 'weekly', 'operation', 'manual', 'pre-restore']);
export type BackupKind = z.infer<typeof BackupKind>;

/** One copy of the library in its `backups/` folder. */
export const BackupInfo = z.object({
  /** File name inside `backups/`; what restore takes. */
  name: z.string().min(1).max(255),
  kind: BackupKind,
  /** Why it was taken (`manual`, `before migration 1 to 2`, an import's description). */
  reason: z.string(),
  createdAt: z.string(),
  /** Bytes. */
  size: z.number().int().nonnegative(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

/** A restored backup, with the database file it replaced kept as a 'pre-restore' backup (null when there was none). */
export const RestoredBackup = BackupInfo.extend({ kept: BackupInfo.nullable() });
export type RestoredBackup = z.infer<typeof RestoredBackup>;

/** The restore request: the backup's file name, and an explicit confirmation. */
export const RestoreBackupInput = z.object({
  name: z.string().min(1).max(255),
  confirm: z.literal(true),
});
