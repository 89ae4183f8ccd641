// The report: the tables and page of `qda report`, made from this project, downloaded.
import { query } from '../api.js';
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import type { Screen } from '../screen.js';
import { app } from '../state.js';

/** The report screen (`#/report`). */
export function reportScreen(): Screen {
  let root: HTMLElement;
  const chosen = new Set<string>();

  function draw(): void {
    const coders = (app.project?.coders ?? []).map((c) => c.name);
    const links = h('div', { class: 'row' });
    const drawLinks = () =>
      replace(
        links,
        h(
          'a',
          { class: 'button primary', href: `/api/report${query({ format: 'html', coder: [...chosen] })}`, download: '' },
          t('downloadHtml'),
        ),
        h('a', { class: 'button', href: `/api/report${query({ format: 'xlsx', coder: [...chosen] })}`, download: '' }, t('downloadXlsx')),
      );
    replace(
      root,
      h('h1', {}, t('report')),
      h('p', {}, t('reportHelp')),
      h(
        'fieldset',
        { class: 'coders' },
        h('legend', {}, t('onlyCoders')),
        coders.map((c) =>
          h(
            'label',
            { class: 'toggle' },
            h('input', {
              type: 'checkbox',
              checked: chosen.has(c),
              onchange: (e: Event) => {
                if ((e.target as HTMLInputElement).checked) chosen.add(c);
                else chosen.delete(c);
                drawLinks();
              },
            }),
            ` ${c}`,
          ),
        ),
      ),
      links,
    );
    drawLinks();
  }

  return {
    mount(el) {
      root = el;
      draw();
    },
    refresh: draw,
  };
}
