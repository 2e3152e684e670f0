import { InputError } from '../model/errors.js';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file (a part of the path is not a folder)',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
};

/** Turns a failed open/stat/read of `file` (as shown to the user) into the typed error that stops the tool. */
export function readError(error: unknown, file: string): InputError {
  if (error instanceof InputError) return error;
  const code = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : '';
  const reason = REASONS[code] ?? (error instanceof Error ? error.message : String(error));
  return new InputError(`cannot read ${file}: ${reason}`, file);
}

/** The error for a path that exists but is not a regular file. */
export function notAFile(file: string, isDirectory: boolean): InputError {
  return new InputError(`cannot read ${file}: ${isDirectory ? 'it is a folder, not a file' : 'it is not a regular file'}`, file);
}
