// What an import would bring, as the preview answered it. Everything the feed says is shown as text.
import { element, list, megabytes } from './dom.js';
import { count, t } from './i18n.js';

export function showPreview(section, found, start) {
  section.replaceChildren();
  section.hidden = false;
  section.append(element('h2', found.title));
  if (found.imageUrl) { // a link, not an image: the studio's pages load nothing from other sites (CSP img-src 'self')
    const link = element('a', t('preview.artwork'));
    link.href = found.imageUrl;
    link.rel = 'noreferrer';
    link.target = '_blank';
    const paragraph = element('p');
    paragraph.append(link, ` ${t('preview.artworkCopied')}`);
    section.append(paragraph);
  }
  const chapters = found.chapters;
  section.append(list([
    t('preview.items', found.episodes, found.importable, megabytes(found.audioBytes)),
    t('preview.chapters', chapters['podcast:chapters'], chapters['psc:chapters'], chapters['show notes']),
    t('preview.transcripts', found.transcripts),
    t('preview.persons', found.persons.length ? found.persons.join(', ') : t('preview.nobody')),
    `podcast:guid ${found.guid} (${t(found.guidFrom === 'feed' ? 'preview.guidFeed' : 'preview.guidComputed')})`,
  ], 'facts'));
  if (found.existing) {
    section.append(element('p', t('preview.existing', found.existing.slug, found.existing.episodesPresent), 'notice'));
  }
  if (found.skipped.length) {
    section.append(element('h3', t('preview.skipped')));
    section.append(list(found.skipped.map(item => `${item.title}: ${item.reason}`), 'skipped'));
  }
  if (found.attention.length) {
    section.append(element('h3', t('preview.attention')));
    section.append(list(found.attention, 'attention'));
  }
  const go = element('button', count('preview.go', found.importable), 'primary');
  go.type = 'button';
  go.id = 'start-import';
  go.addEventListener('click', () => { go.disabled = true; start(); });
  section.append(go);
}

