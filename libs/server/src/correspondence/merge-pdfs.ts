import { PDFDocument } from 'pdf-lib';

/** One PDF of the given ones' pages, in order (pdf-lib copies pages with their fonts and images). */
export async function mergePdfs(parts: readonly Uint8Array[], title: string): Promise<Buffer> {
  const merged = await PDFDocument.create();
  merged.setTitle(title);
  merged.setProducer('Aqtalu');
  for (const part of parts) {
    const source = await PDFDocument.load(part);
    const pages = await merged.copyPages(source, source.getPageIndices());
    for (const page of pages) merged.addPage(page);
  }
  return Buffer.from(await merged.save());
}
