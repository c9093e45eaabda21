/** Text made safe inside HTML elements and attribute values of the server-rendered public pages. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** `%{name}` placeholders of a page's message filled from params (an unknown name stays as written). */
export const fillTemplate = (template: string, params: Record<string, string>): string =>
  template.replace(/%\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
