/** The evaluator page's "Partnership measures" block: five measures, each with one line and its named evidence. */
import { h } from '../dom';
import type { Translate } from '../model/evaluate-model';
import { formatDate, type Lang } from '../model/i18n';
import { partnershipRows, type PartnershipData } from '../model/partnership-model';

export interface SectionTools {
  /** A button showing and hiding the element `id`, kept open across re-renders (the page's own). */
  disclosure: (id: string, label: string, enabled?: boolean) => HTMLButtonElement;
  isOpen: (id: string) => boolean;
}

export function partnershipSection(p: PartnershipData, lang: Lang, t: Translate, tools: SectionTools): HTMLElement {
  const section = h(
    'section',
    { class: 'card metrics partnership', 'aria-labelledby': 'evaluate-partnership-h', 'data-testid': 'partnership' },
    h('h3', { id: 'evaluate-partnership-h' }, t('evaluate.partnership.title', { date: formatDate(lang, p.at) })),
    h('p', { class: 'meta' }, t('evaluate.partnership.intro')),
  );
  const rows = partnershipRows(p, lang, t).map((r) => {
    const bodyId = `partnership-evidence-${r.key}`;
    const count = r.evidence.reduce((n, g) => n + g.items.length, 0);
    const body = h(
      'div',
      { id: bodyId, class: 'evidence-body', hidden: !tools.isOpen(bodyId) },
      ...r.evidence.map((g) =>
        h('div', { class: 'evidence-group' }, h('h5', {}, `${g.title} (${g.items.length})`), h('ul', { class: 'evidence-list' }, ...g.items.map((i) => h('li', {}, i)))),
      ),
    );
    return h(
      'div',
      { class: 'metric', 'data-metric': r.key },
      h('dt', {}, r.label),
      h('dd', { class: 'metric-value' }, r.value),
      h('dd', { class: 'meta' }, r.help),
      ...(count > 0 ? [h('dd', { class: 'no-print' }, tools.disclosure(bodyId, t('evaluate.evidence.toggle', { n: count }))), h('dd', {}, body)] : []),
    );
  });
  section.append(h('dl', { class: 'metric-grid' }, ...rows));
  return section;
}
