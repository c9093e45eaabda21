import { describe, expect, it } from 'vitest';
import { publicLanguages, publicPageMessages, renderPublicPersonPage, renderPublicSearchPage } from './book.view.js';

const options = {
  regions: [{ code: 'ALM', name: 'Алматы облысы' }],
  sentenceKinds: [{ code: 'vmn', name: 'ВМН' }],
  camps: [{ code: 'karlag', name: 'Карлаг' }],
  events: [],
};

describe('the public pages of the Book of Memory', () => {
  it('have every text in every language', () => {
    const keys = Object.keys(publicPageMessages.en).sort();
    for (const language of publicLanguages) expect(Object.keys(publicPageMessages[language]).sort()).toEqual(keys);
  });

  it('keep the chosen filters in the search form and the language links, escaping what was typed', () => {
    const sut = renderPublicSearchPage('ru', '<b>Сейфуллин', [], { region: 'ALM', yearFrom: 1937, camp: 'karlag' }, options);
    expect(sut).toContain('<option value="ALM" selected>Алматы облысы</option>');
    expect(sut).toContain('<option value="karlag" selected>Карлаг</option>');
    expect(sut).toContain('id="f-from" name="from" min="1800" max="2100" inputmode="numeric" value="1937"');
    expect(sut).toContain('value="&lt;b&gt;Сейфуллин"');
    expect(sut).toContain('region=ALM');
    expect(sut).not.toContain('<script');
  });

  it('put the contribution form on a person page with a honeypot, and say thanks after a contribution', () => {
    const person = { id: '6f1c0a52-0c77-4f0c-9d6a-0a0a0a0a0a0a', basis: 'book' as const, names: ['Байтұрсынұлы Ахмет'] };
    const sut = renderPublicPersonPage('kk', person, { thanks: true, values: { source: '"><script>' }, error: 'email' });
    expect(sut).toContain(`action="/persons/${person.id}/contributions?lang=kk"`);
    expect(sut).toContain('enctype="multipart/form-data"');
    expect(sut).toContain('name="website" tabindex="-1"');
    expect(sut).toContain(publicPageMessages.kk.contribute_thanks);
    expect(sut).toContain(publicPageMessages.kk.contribute_error_email);
    expect(sut).toContain('value="&quot;&gt;&lt;script&gt;"');
    expect(sut).not.toContain('<script');
  });
});
