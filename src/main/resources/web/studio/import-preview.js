// What an import would bring, as the preview answered it. Everything the feed says is shown as text.
import { element, list, megabytes } from './dom.js';

export function showPreview(section, found, start) {
  section.replaceChildren();
  section.hidden = false;
  section.append(element('h2', found.title));
  if (found.imageUrl) { // a link, not an image: the studio's pages load nothing from other sites (CSP img-src 'self')
    const link = element('a', 'Artwork at the old host');
    link.href = found.imageUrl;
    link.rel = 'noreferrer';
    link.target = '_blank';
    const paragraph = element('p');
    paragraph.append(link, ' (checked and copied here during the import)');
    section.append(paragraph);
  }
  const chapters = found.chapters;
  section.append(list([
    `${found.episodes} items in the feed, ${found.importable} with MP3 audio (${megabytes(found.audioBytes)} declared)`,
    `Chapters: ${chapters['podcast:chapters']} episodes with a podcast:chapters file, ${chapters['psc:chapters']} with Podlove chapters,`
      + ` ${chapters['show notes']} with timestamps in their notes; the ID3 chapters of each MP3 are read during the import`,
    `Transcripts: ${found.transcripts} episodes link one; the best timed one of each (WebVTT, then JSON, then SRT) is brought over`,
    `People credited: ${found.persons.length ? found.persons.join(', ') : 'none'}`,
    `podcast:guid ${found.guid} (${found.guidFrom === 'feed' ? 'from the feed' : 'computed from the feed address'})`,
  ], 'facts'));
  if (found.existing) {
    section.append(element('p', `You already have this show here (${found.existing.slug}): ${found.existing.episodesPresent}`
      + ' of its episodes are present and will be skipped; the others are added.', 'notice'));
  }
  if (found.skipped.length) {
    section.append(element('h3', 'Will not come over'));
    section.append(list(found.skipped.map(item => `${item.title}: ${item.reason}`), 'skipped'));
  }
  if (found.attention.length) {
    section.append(element('h3', 'Needs your attention'));
    section.append(list(found.attention, 'attention'));
  }
  const go = element('button', `Import ${found.importable} episodes`, 'primary');
  go.type = 'button';
  go.id = 'start-import';
  go.addEventListener('click', () => { go.disabled = true; start(); });
  section.append(go);
}

