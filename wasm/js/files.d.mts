// Types of files.mjs.
import type { AccordFiles } from './accord.mjs';

export function memoryFiles(): AccordFiles;
export function nodeFiles(fs: unknown, directory: string): AccordFiles;
export function opfsFiles(
  directory: FileSystemDirectoryHandle,
  names: string[],
): Promise<AccordFiles & { closeAll(): void }>;
