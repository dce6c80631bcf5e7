/**
 * The top bar's menu on small screens (every page loads it, deferred): the "Meny" button shows and
 * folds the navigation, language and user box. Without this script the bar stays unfolded (the CSS
 * folds it only once `data-menu` is set), so nothing is out of reach. Esc folds an open menu and
 * returns focus to the button. Built to /static/menu.js.
 */
const bar = document.querySelector<HTMLElement>('.topbar');
const button = bar?.querySelector<HTMLButtonElement>('.menu-toggle');
if (bar && button) {
  bar.dataset.menu = 'closed';
  button.hidden = false;
  const set = (open: boolean): void => {
    bar.dataset.menu = open ? 'open' : 'closed';
    button.setAttribute('aria-expanded', String(open));
  };
  button.addEventListener('click', () => set(bar.dataset.menu !== 'open'));
  bar.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && bar.dataset.menu === 'open') {
      set(false);
      button.focus();
    }
  });
}
