// The editor's player: play and pause, skip, speed, the running clock, and the keys that let a
// producer mark chapters by ear (M marks, Shift+M marks without snapping to a pause, Space plays or pauses).
import { formatTime } from './chapter-time.js';
import { t } from './i18n.js';

export function chapterPlayer(root, audio, onMark) {
  const clock = document.getElementById('clock');
  const play = document.getElementById('play');
  const toggle = () => (audio.paused ? audio.play() : audio.pause());
  const showTime = () => { clock.textContent = formatTime(audio.currentTime * 1000); };
  const tick = () => {
    showTime();
    if (!audio.paused) requestAnimationFrame(tick);
  };
  play.addEventListener('click', toggle);
  audio.addEventListener('play', () => { play.textContent = t('pause'); play.setAttribute('aria-label', t('pause')); tick(); });
  audio.addEventListener('pause', () => { play.textContent = t('play'); play.setAttribute('aria-label', t('play')); });
  audio.addEventListener('timeupdate', showTime);
  root.querySelectorAll('[data-skip]').forEach(b => b.addEventListener('click', () => {
    audio.currentTime = Math.max(0, Math.min(audio.duration || Infinity, audio.currentTime + Number(b.dataset.skip)));
    showTime();
  }));
  document.getElementById('speed').addEventListener('change', event => { audio.playbackRate = Number(event.target.value); });

  document.getElementById('mark').addEventListener('click', onMark);
  document.addEventListener('keydown', event => {
    const target = event.target;
    const typing = target.closest('input, textarea, select, [contenteditable]');
    if (typing) {
      // Enter or Escape in a chapter field hands the keys back to the player (M, Space).
      if ((event.key === 'Enter' || event.key === 'Escape') && target.closest('.chapter-row') && target.type !== 'checkbox') {
        event.preventDefault();
        target.dispatchEvent(new Event('change'));
        target.blur();
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'm' || event.key === 'M') { event.preventDefault(); onMark(event); }
    else if (event.key === ' ' && !target.closest('button, a, audio')) { event.preventDefault(); toggle(); }
  });
}
