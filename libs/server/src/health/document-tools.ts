import { execFile } from 'node:child_process';

/** The programs the evidence checks run, and the Tesseract languages they read (kaz+rus+eng). */
export const documentTools = ['pdfinfo', 'pdftotext', 'pdftoppm', 'pdfdetach', 'tesseract'] as const;
export const tesseractLanguages = ['kaz', 'rus', 'eng'] as const;

const output = (command: string, args: string[]) =>
  new Promise<string | null>((resolve) => {
    execFile(command, args, { timeout: 10_000 }, (error, stdout, stderr) => resolve(error && !stdout && !stderr ? null : `${stdout}\n${stderr}`));
  });

/** Which document tools this process finds, e.g. `{ pdfinfo: true, …, 'tesseract:kaz': false }`. */
export async function findDocumentTools(): Promise<Record<string, boolean>> {
  const found: Record<string, boolean> = {};
  for (const tool of documentTools) {
    found[tool] = (await output('sh', ['-c', `command -v ${tool}`]))?.trim() ? true : false;
  }
  const languages = found.tesseract ? ((await output('tesseract', ['--list-langs'])) ?? '').split(/\s+/) : [];
  for (const language of tesseractLanguages) found[`tesseract:${language}`] = languages.includes(language);
  return found;
}
