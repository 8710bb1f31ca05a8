// Chapitre studio: the forms, the uploads with progress and the chapter-marking editor, one module
// each, started here for the elements the page has. Every change goes through the producer API
// with the session cookie and the CSRF token, so the studio shows exactly the API's rules and
// messages.
import { passwordForm, tokens } from './account.js';
import { chapterEditor } from './chapter-editor.js';
import { commentPolicy, commentQueue } from './comments.js';
import { deletion } from './deletion.js';
import { localTimes, pageData } from './dom.js';
import { episodeForm, publishing } from './episodes.js';
import { importForm } from './imports.js';
import { personButtons } from './persons.js';
import { accessButtons, backupForm, passwordResetForm, producerForm } from './producers.js';
import { artworkForm, showForm } from './shows.js';
import { invitations, team } from './team.js';
import { transcriptForm } from './transcript.js';

const data = pageData();
const byId = id => document.getElementById(id);

personButtons(document);
localTimes(document);

if (byId('show-form')) showForm(byId('show-form'), data);
if (byId('artwork-form')) artworkForm(byId('artwork-form'));
if (byId('producer-form')) producerForm(byId('producer-form'));
if (byId('backup-form')) backupForm(byId('backup-form'));
document.querySelectorAll('form.reset-form').forEach(passwordResetForm);
if (byId('episode-form')) episodeForm(byId('episode-form'), data);
if (byId('transcript-form')) transcriptForm(byId('transcript-form'), data);
if (byId('publishing')) publishing(byId('publishing'), byId('episode-form'));
if (byId('editor')) chapterEditor(byId('editor'), data);
if (byId('import-form')) importForm(byId('import-form'), byId('import-preview'), byId('import-job'), data);
document.querySelectorAll('section.deletion').forEach(deletion);
if (byId('password-form')) passwordForm(byId('password-form'));
if (byId('tokens')) tokens(byId('tokens'));
document.querySelectorAll('table.producers').forEach(accessButtons);
if (byId('comments')) commentQueue(byId('comments'));
if (byId('comment-policy')) commentPolicy(byId('comment-policy'));
if (byId('team')) team(byId('team'));
if (byId('invitations')) invitations(byId('invitations'));
