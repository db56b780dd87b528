/**
 * The partner finder: who should we work with, and who can introduce us? A form (any mix of an
 * asker and criteria), the ranked suggestions with their explanation and score parts, the current
 * partners apart, the gaps, and for each suggestion the introduction chains, lit on the map on request.
 */
import './pages.css';
import './partners.css';
import { ApiError, type Hit, type Scope } from '../api';
import { h } from '../dom';
import type { NodeIndex } from '../model/evaluate-model';
import { formatDate } from '../model/i18n';
import { bestMapScope } from '../model/map-scope';
import {
  buildPartnerRequest,
  gapGroups,
  introSources,
  partnerErrorText,
  pathCaption,
  pathView,
  suggestionRows,
  type PartnerForm,
  type PathData,
  type SuggestionRow,
  type SuggestionsData,
} from '../model/partners-model';
import { fetchLabels, fetchMapNodeIds } from './lookup-api';
import type { Page, PageContext } from './page';
import { fetchPaths, fetchPlaces, fetchSuggestions, searchAskers, type Places } from './partners-api';

const ORG_KINDS = ['MUNICIPALITY', 'WELLBEING_COUNTY', 'AUTHORITY', 'EDUCATION', 'PARISH', 'ASSOCIATION', 'FOUNDATION', 'COMPANY', 'OTHER'] as const;
const SECTORS = ['PUBLIC', 'THIRD', 'PARISH', 'PRIVATE'] as const;
const LIMITS = [5, 10, 20, 50];

/** Errors are not a state of the answer: they show under the form, where the fix is made. */
type Result = { status: 'idle' | 'loading' } | { status: 'ready'; data: SuggestionsData; labels: NodeIndex };
type Paths = { status: 'loading' } | { status: 'ready'; paths: PathData[] } | { status: 'error'; message: string };

interface Intro {
  fromId: string | null;
  paths: Paths | null;
}

export class PartnersPage implements Page {
  private ctx!: PageContext;
  private root!: HTMLElement;
  private formBox!: HTMLElement;
  private results!: HTMLElement;
  private formKey = '';
  private places: Places | null = null;

  private form: PartnerForm = {
    asker: null,
    askerText: '',
    methodIds: [],
    targetGroupIds: [],
    place: '',
    orgKinds: [],
    sectors: [],
    onlyPermanent: false,
    // Empty: the latest date in the data, as the server (and docs/measures.md) define it; today
    // would rank last the organisations whose recorded work has ended.
    at: '',
    limit: 10,
  };
  private formError: string | null = null;
  private result: Result = { status: 'idle' };
  private intros = new Map<string, Intro>();
  private hits: Hit[] = [];
  private activeHit = -1;
  private searchSeq = 0;
  private requestSeq = 0;
  private mapNodes = new Map<string, Set<string>>();

  mount(root: HTMLElement, ctx: PageContext): void {
    this.ctx = ctx;
    this.root = root;
    root.classList.add('partners');
    this.formBox = h('div', { class: 'partner-form-box' });
    this.results = h('div', { class: 'partner-results', 'aria-live': 'polite', 'data-testid': 'partner-results' });
    root.replaceChildren(this.formBox, this.results);
    fetchPlaces().then(
      (places) => {
        this.places = places;
        this.render();
      },
      () => {
        /* without the places list the select offers only "any"; the rest of the form works */
      },
    );
  }

  render(): void {
    if (!this.root || this.root.hidden) return;
    const catalogue = this.ctx.catalogue();
    const key = `${this.ctx.lang()}|${catalogue ? 'c' : ''}|${this.places ? 'p' : ''}`;
    if (key !== this.formKey) {
      this.formKey = key;
      this.drawForm();
    }
    this.drawResults();
  }

  private get t() {
    return this.ctx.t;
  }

  private term(list: { id: string; nameFi: string; nameSv: string; nameEn: string }[] | undefined, id: string): string {
    const x = list?.find((m) => m.id === id);
    if (!x) return id;
    const lang = this.ctx.lang();
    return lang === 'sv' ? x.nameSv : lang === 'en' ? x.nameEn : x.nameFi;
  }

  private placeName(code: string): string {
    const m = this.places?.municipalities.find((x) => x.code === code) ?? this.ctx.catalogue()?.municipalities.find((x) => x.code === code);
    return m ? (this.ctx.lang() === 'sv' ? m.nameSv : m.name) : code;
  }

  // ---------- the form ----------

  private drawForm() {
    const t = this.t;
    const lang = this.ctx.lang();
    const catalogue = this.ctx.catalogue();
    const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, lang);

    const checks = (
      name: keyof Pick<PartnerForm, 'methodIds' | 'targetGroupIds' | 'orgKinds' | 'sectors'>,
      title: string,
      options: { value: string; label: string }[],
      testid: string,
    ) => {
      const count = h('span', { class: 'chosen-count' });
      const update = () => (count.textContent = this.form[name].length ? ` (${t('partners.chosenCount', { n: this.form[name].length })})` : '');
      update();
      const box = h(
        'fieldset',
        { class: 'checks', 'data-testid': testid },
        h('legend', {}, title, count),
        h(
          'div',
          { class: 'check-list' },
          ...options.map((o) => {
            const input = h('input', { type: 'checkbox', name, value: o.value, checked: this.form[name].includes(o.value) });
            input.addEventListener('change', () => {
              const set = new Set<string>(this.form[name]);
              if (input.checked) set.add(o.value);
              else set.delete(o.value);
              this.form[name] = [...set];
              update();
            });
            return h('label', {}, input, ' ', o.label);
          }),
        ),
      );
      return box;
    };

    const methods = (catalogue?.methods ?? []).map((m) => ({ value: m.id, label: this.term(catalogue?.methods, m.id) })).sort(byLabel);
    const groups = (catalogue?.targetGroups ?? []).map((m) => ({ value: m.id, label: this.term(catalogue?.targetGroups, m.id) })).sort(byLabel);
    const kinds = ORG_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })).sort(byLabel);
    const sectors = SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }));

    const place = h('select', { id: 'partners-place', 'data-testid': 'partners-place' });
    const regions = [...(this.places?.regions ?? [])].map((r) => ({ value: `r:${r.code}`, label: lang === 'sv' ? r.nameSv : r.name })).sort(byLabel);
    const municipalities = (this.places?.municipalities ?? catalogue?.municipalities ?? [])
      .map((m) => ({ value: `m:${m.code}`, label: lang === 'sv' ? m.nameSv : m.name }))
      .sort(byLabel);
    place.append(
      h('option', { value: '' }, t('partners.place.any')),
      h('optgroup', { label: t('partners.place.municipalities') }, ...municipalities.map((o) => h('option', { value: o.value }, o.label))),
      h('optgroup', { label: t('partners.place.regions') }, ...regions.map((o) => h('option', { value: o.value }, o.label))),
    );
    place.value = this.form.place;
    place.addEventListener('change', () => (this.form.place = place.value));

    const permanent = h('input', { type: 'checkbox', id: 'partners-permanent', checked: this.form.onlyPermanent });
    permanent.addEventListener('change', () => (this.form.onlyPermanent = permanent.checked));
    const date = h('input', { type: 'date', id: 'partners-date', value: this.form.at, 'data-testid': 'partners-date', 'aria-describedby': 'partners-date-hint' });
    date.addEventListener('change', () => (this.form.at = date.value));
    const limit = h('select', { id: 'partners-limit' }, ...LIMITS.map((n) => h('option', { value: String(n), selected: n === this.form.limit }, String(n))));
    limit.addEventListener('change', () => (this.form.limit = Number(limit.value)));

    const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'partners-submit' }, t('partners.submit'));
    const error = h('div', { class: 'form-error', role: 'alert', 'data-testid': 'partners-error', hidden: !this.formError }, this.formError ?? '');
    const form = h(
      'form',
      { class: 'card partner-form', novalidate: true, 'aria-labelledby': 'partners-title' },
      this.askerField(),
      h(
        'div',
        { class: 'form-grid' },
        checks('methodIds', t('partners.methods'), methods, 'partners-methods'),
        checks('targetGroupIds', t('partners.targetGroups'), groups, 'partners-groups'),
        h(
          'div',
          { class: 'form-col' },
          h('label', { class: 'field', for: 'partners-place' }, h('span', {}, t('partners.place')), place),
          checks('orgKinds', t('partners.kinds'), kinds, 'partners-kinds'),
          checks('sectors', t('partners.sectors'), sectors, 'partners-sectors'),
          h('label', { class: 'check-line', for: 'partners-permanent' }, permanent, ' ', t('partners.onlyPermanent')),
          h(
            'div',
            { class: 'form-row' },
            h(
              'label',
              { class: 'field', for: 'partners-date' },
              h('span', {}, t('partners.date')),
              date,
              h('small', { id: 'partners-date-hint', class: 'hint' }, t('partners.date.hint')),
            ),
            h('label', { class: 'field', for: 'partners-limit' }, h('span', {}, t('partners.limit')), limit),
          ),
        ),
      ),
      h('div', { class: 'form-actions' }, submit, error),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.search();
    });
    this.formBox.replaceChildren(h('h2', { id: 'partners-title' }, t('partners.title')), h('p', { class: 'lead' }, t('partners.lead')), form);
  }

  /** The asker: a search-as-you-type combobox over organisations and projects (the `search` query). */
  private askerField(): HTMLElement {
    const t = this.t;
    const input = h('input', {
      id: 'partners-asker',
      type: 'text',
      role: 'combobox',
      autocomplete: 'off',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': 'partners-asker-list',
      'aria-describedby': 'partners-asker-help',
      placeholder: t('partners.asker.placeholder'),
      value: this.form.askerText,
      'data-testid': 'partners-asker',
    });
    const list = h('ul', { id: 'partners-asker-list', role: 'listbox', class: 'search-results', hidden: true, 'aria-label': t('partners.asker') });
    const chosen = h('p', { class: 'chosen', 'data-testid': 'partners-asker-chosen' });
    const showChosen = () => {
      const a = this.form.asker;
      if (!a || a.label !== this.form.askerText) {
        chosen.replaceChildren();
        chosen.hidden = true;
        return;
      }
      const clear = h('button', { type: 'button', class: 'link' }, t('partners.asker.clear'));
      clear.addEventListener('click', () => {
        this.form.asker = null;
        this.form.askerText = '';
        input.value = '';
        showChosen();
        input.focus();
      });
      chosen.replaceChildren(t('partners.asker.chosen', { name: `${a.label} (${t(`node.${a.kind}`)})` }), ' ', clear);
      chosen.hidden = false;
    };
    const close = () => {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      this.activeHit = -1;
    };
    const choose = (hit: Hit) => {
      this.form.asker = { id: hit.id, kind: hit.kind as 'ORGANISATION' | 'PROJECT', label: hit.label };
      this.form.askerText = hit.label;
      input.value = hit.label;
      close();
      showChosen();
    };
    const drawList = () => {
      if (!this.hits.length) {
        list.replaceChildren(h('li', { class: 'group', role: 'option', 'aria-disabled': 'true' }, t('partners.asker.none')));
      } else {
        list.replaceChildren(
          ...this.hits.map((hit, i) => {
            const li = h(
              'li',
              { id: `partners-hit-${i}`, role: 'option', 'aria-selected': String(i === this.activeHit), class: i === this.activeHit ? 'active' : undefined, 'data-id': hit.id },
              h('span', {}, hit.label),
              h('span', { class: 'kind' }, t(`node.${hit.kind}`)),
            );
            li.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus in the input
            li.addEventListener('click', () => choose(hit));
            return li;
          }),
        );
      }
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      if (this.activeHit >= 0) input.setAttribute('aria-activedescendant', `partners-hit-${this.activeHit}`);
      else input.removeAttribute('aria-activedescendant');
    };
    let timer: number | undefined;
    input.addEventListener('input', () => {
      this.form.askerText = input.value;
      if (this.form.asker && this.form.asker.label !== input.value) this.form.asker = null;
      showChosen();
      window.clearTimeout(timer);
      const text = input.value.trim();
      if (text.length < 2) {
        close();
        return;
      }
      timer = window.setTimeout(async () => {
        const seq = ++this.searchSeq;
        try {
          const hits = await searchAskers(text);
          if (seq !== this.searchSeq) return;
          this.hits = hits;
          this.activeHit = -1;
          drawList();
        } catch {
          /* a failed lookup leaves the list as it was; the form says what to do on submit */
        }
      }, 200);
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (!this.hits.length) return;
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        this.activeHit = (this.activeHit + step + this.hits.length) % this.hits.length;
        drawList();
      } else if (e.key === 'Enter' && !list.hidden && this.activeHit >= 0) {
        e.preventDefault();
        choose(this.hits[this.activeHit]);
      } else if (e.key === 'Escape') {
        close();
      }
    });
    input.addEventListener('blur', () => window.setTimeout(close, 150));
    showChosen();
    return h(
      'div',
      { class: 'asker' },
      h('label', { for: 'partners-asker', class: 'asker-label' }, t('partners.asker')),
      h('div', { class: 'search' }, input, list),
      chosen,
      h('p', { class: 'meta', id: 'partners-asker-help' }, t('partners.asker.help')),
    );
  }

  private setFormError(text: string | null) {
    this.formError = text;
    const box = this.formBox.querySelector<HTMLElement>('.form-error');
    if (!box) return;
    box.textContent = text ?? '';
    box.hidden = !text;
  }

  private async search() {
    const built = buildPartnerRequest(this.form);
    if ('errorKey' in built) {
      this.setFormError(this.t(built.errorKey));
      return;
    }
    this.setFormError(null);
    const seq = ++this.requestSeq;
    this.result = { status: 'loading' };
    this.intros.clear();
    this.drawResults();
    try {
      const data = await fetchSuggestions(built.request);
      const labels = await fetchLabels(data.suggestions.flatMap((s) => s.evidence)).catch(() => new Map() as NodeIndex);
      if (seq !== this.requestSeq) return;
      this.result = { status: 'ready', data, labels };
      this.drawResults();
      // Take keyboard and screen-reader users to the answer, below the long form.
      this.results.querySelector<HTMLElement>('#partners-results-h')?.focus();
      return;
    } catch (e) {
      if (seq !== this.requestSeq) return;
      const error = e instanceof ApiError ? e : { message: e instanceof Error ? e.message : String(e) };
      const text = partnerErrorText(error, this.t);
      this.result = { status: 'idle' };
      this.setFormError(text);
    }
    this.drawResults();
  }

  // ---------- the answer ----------

  private drawResults() {
    const t = this.t;
    const lang = this.ctx.lang();
    const r = this.result;
    if (r.status !== 'ready') {
      this.results.replaceChildren(...(r.status === 'loading' ? [h('p', { class: 'message', role: 'status' }, t('partners.searching'))] : []));
      return;
    }
    const { data, labels } = r;
    const catalogue = this.ctx.catalogue();
    const rows = suggestionRows(data, lang, t, {
      orgKind: (k) => t(`kind.${k}`),
      sector: (s) => t(`sector.${s}`),
      place: (code) => this.placeName(code),
      label: (id) => labels.get(id)?.label ?? catalogue?.projects.find((p) => p.id === id)?.name ?? id,
    });
    const date = formatDate(lang, data.at);
    const summary = data.asker ? t('partners.resultsFor', { asker: data.asker.label, date, n: rows.length }) : t('partners.resultsAnon', { date, n: rows.length });
    const list = rows.length
      ? h('ol', { class: 'suggestions', 'data-testid': 'suggestions' }, ...rows.map((row, i) => this.suggestionCard(row, data, i)))
      : h('p', { class: 'message' }, t('partners.noSuggestions'));
    const side = h('div', { class: 'partner-side' });
    if (data.asker) {
      side.append(
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'partners-existing-h', 'data-testid': 'existing-partners' },
          h('h3', { id: 'partners-existing-h' }, `${t('partners.existing')} (${data.existingPartners.length})`),
          data.existingPartners.length
            ? h('div', {}, h('p', { class: 'meta' }, t('partners.existing.note', { date })), h('ul', { class: 'plain' }, ...data.existingPartners.map((p) => h('li', {}, p.label))))
            : h('p', { class: 'meta' }, t('partners.existing.none', { date })),
        ),
      );
    }
    side.append(this.gapsCard(data));
    this.results.replaceChildren(
      h('h3', { id: 'partners-results-h', tabindex: '-1' }, t('partners.results')),
      h('p', { class: 'meta', 'data-testid': 'partners-summary' }, summary),
      h('div', { class: 'results-grid' }, h('div', {}, list), side),
    );
  }

  private suggestionCard(row: SuggestionRow, data: SuggestionsData, index: number): HTMLElement {
    const t = this.t;
    const introId = `intro-${index}`;
    const intro = this.intros.get(row.id);
    const button = h(
      'button',
      { type: 'button', class: 'toggle', 'aria-expanded': String(!!intro), 'aria-controls': introId, 'data-testid': 'intro-button' },
      t('partners.intro.button'),
    );
    button.addEventListener('click', () => {
      if (this.intros.has(row.id)) this.intros.delete(row.id);
      else this.openIntro(data, index);
      this.drawResults();
      this.results.querySelector<HTMLElement>(`li[data-id="${CSS.escape(row.id)}"] [data-testid=intro-button]`)?.focus();
    });
    const parts = h(
      'table',
      { class: 'data parts-table' },
      h('caption', {}, t('partners.parts')),
      h('thead', {}, h('tr', {}, ...['partners.parts.part', 'partners.parts.value', 'partners.parts.weight', 'partners.parts.points'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h(
        'tbody',
        {},
        ...row.parts.map((p) =>
          h(
            'tr',
            { 'data-part': p.key },
            h('th', { scope: 'row' }, p.label),
            h(
              'td',
              { class: 'num value-cell' },
              h('span', { class: 'bar small', 'aria-hidden': 'true' }, h('span', { class: 'bar-fill', style: `width:${p.percent}%` })),
              ` ${p.valueText}`,
            ),
            h('td', { class: 'num' }, p.weightText),
            h('td', { class: 'num' }, p.pointsText),
          ),
        ),
      ),
    );
    return h(
      'li',
      { class: 'card suggestion', 'data-id': row.id },
      h(
        'div',
        { class: 's-head' },
        h('span', { class: 'rank' }, `${row.rank}.`),
        h('h4', {}, row.label),
        h('span', { class: 'score', 'data-score': String(row.score) }, t('partners.score', { score: row.scoreText })),
      ),
      h('p', { class: 'meta' }, row.meta),
      h('p', { class: 'explanation', lang: this.ctx.lang() }, row.explanation),
      row.shared.length ? h('p', { class: 'shared' }, h('strong', {}, `${t('partners.shared')}: `), row.shared.map((p) => p.label).join(', ')) : null,
      row.evidence.length ? h('p', { class: 'evidence meta' }, `${t('partners.evidence')}: `, row.evidence.map((e) => e.label).join(', ')) : null,
      parts,
      h('div', { class: 'suggestion-actions' }, button),
      intro ? this.introPanel(introId, row, data, intro) : h('div', { id: introId, hidden: true }),
    );
  }

  private openIntro(data: SuggestionsData, index: number) {
    const s = data.suggestions[index];
    const sources = introSources(data, s);
    const intro: Intro = { fromId: sources[0]?.id ?? null, paths: null };
    this.intros.set(s.organisation.id, intro);
    if (intro.fromId) void this.loadPaths(data, s.organisation.id, intro);
  }

  private async loadPaths(data: SuggestionsData, toId: string, intro: Intro) {
    const fromId = intro.fromId!;
    intro.paths = { status: 'loading' };
    try {
      const paths = await fetchPaths(fromId, toId, data.at);
      if (intro.fromId !== fromId) return;
      intro.paths = { status: 'ready', paths };
    } catch (e) {
      if (intro.fromId !== fromId) return;
      const error = e instanceof ApiError ? e : { message: e instanceof Error ? e.message : String(e) };
      intro.paths = { status: 'error', message: partnerErrorText(error, this.t) };
    }
    if (this.intros.get(toId) === intro) this.drawResults();
  }

  private introPanel(id: string, row: SuggestionRow, data: SuggestionsData, intro: Intro): HTMLElement {
    const t = this.t;
    const suggestion = data.suggestions.find((s) => s.organisation.id === row.id)!;
    const sources = introSources(data, suggestion);
    const panel = h('div', { id, class: 'intro', 'data-testid': 'intro-panel' });
    if (!data.asker) {
      panel.append(h('p', { class: 'meta' }, t('partners.intro.needAsker')));
      return panel;
    }
    if (!sources.length || !intro.fromId) {
      panel.append(h('p', { class: 'meta' }, t('partners.intro.needPartner')));
      return panel;
    }
    const from = sources.find((s) => s.id === intro.fromId)!;
    panel.append(h('h5', {}, t('partners.intro.title', { from: from.label, to: row.label })));
    if (sources.length > 1) {
      const selectId = `${id}-from`;
      const select = h('select', { id: selectId }, ...sources.map((s) => h('option', { value: s.id, selected: s.id === intro.fromId }, s.label)));
      select.addEventListener('change', () => {
        intro.fromId = select.value;
        void this.loadPaths(data, row.id, intro);
        this.drawResults();
      });
      panel.append(h('label', { class: 'field', for: selectId }, h('span', {}, t('partners.intro.from')), select));
    }
    const p = intro.paths;
    if (!p || p.status === 'loading') {
      panel.append(h('p', { class: 'meta', role: 'status' }, t('partners.intro.loading')));
      return panel;
    }
    if (p.status === 'error') {
      panel.append(h('p', { class: 'form-error', role: 'alert' }, p.message));
      return panel;
    }
    if (!p.paths.length) {
      panel.append(h('p', { class: 'meta' }, t('partners.intro.none', { hops: 4 })));
      return panel;
    }
    p.paths.forEach((path, i) => {
      const view = pathView(path, i, t);
      const show = h('button', { type: 'button', class: 'map-link', 'data-testid': 'path-on-map' }, t('partners.intro.show'));
      show.addEventListener('click', () => void this.showPath(path, data.at));
      panel.append(
        h(
          'div',
          { class: 'path', 'data-testid': 'intro-path' },
          h('h6', {}, view.title),
          h('ol', { class: 'steps' }, ...view.steps.map((s) => h('li', {}, h('span', { class: 'step' }, s.text), h('span', { class: 'sub' }, ` — ${s.via}`)))),
          show,
        ),
      );
    });
    return panel;
  }

  /** Light a chain on the map that holds most of it: the chosen network or project, else another. */
  private async showPath(path: PathData, at: string) {
    const t = this.t;
    const view = pathView(path, 0, t);
    const orgIds = path.organisations.map((o) => o.id);
    const catalogue = this.ctx.catalogue();
    const header = this.ctx.scope();
    const viaProjects = path.steps
      .flatMap((s) => s.via)
      .filter((v) => v.kind === 'PROJECT')
      .map((v): Scope => ({ type: 'project', id: v.id }));
    const networks = (catalogue?.networks ?? []).map((n): Scope => ({ type: 'network', id: n.id }));
    const scopes: Scope[] = [];
    for (const s of [...(header ? [header] : []), ...networks, ...viaProjects]) if (!scopes.some((x) => x.type === s.type && x.id === s.id)) scopes.push(s);
    try {
      const missing = scopes.filter((s) => !this.mapNodes.has(`${s.type}:${s.id}`));
      // The chosen map first: when it holds the whole chain, no other map is asked for.
      const first = header && missing.some((s) => s.id === header.id) ? [header] : [];
      const fetchInto = async (list: Scope[]) => (await fetchMapNodeIds(list)).forEach((ids, i) => this.mapNodes.set(`${list[i].type}:${list[i].id}`, ids));
      if (first.length) await fetchInto(first);
      const headerIds = header ? this.mapNodes.get(`${header.type}:${header.id}`) : undefined;
      if (!headerIds || !view.nodeIds.every((id) => headerIds.has(id))) await fetchInto(scopes.filter((s) => !this.mapNodes.has(`${s.type}:${s.id}`)));
    } catch (e) {
      this.setFormError(t('partners.error.other', { message: e instanceof Error ? e.message : String(e) }));
      return;
    }
    const candidates = scopes.filter((s) => this.mapNodes.has(`${s.type}:${s.id}`)).map((s) => ({ scope: s, nodeIds: this.mapNodes.get(`${s.type}:${s.id}`)! }));
    const best = bestMapScope(view.nodeIds, candidates);
    if (!best) return;
    const onMap = this.mapNodes.get(`${best.scope.type}:${best.scope.id}`)!;
    const shownOrgs = orgIds.filter((id) => onMap.has(id)).length;
    this.ctx.showOnMap(best.scope, { nodeIds: view.nodeIds, caption: pathCaption(view, at, shownOrgs, orgIds.length, this.ctx.lang(), t), at });
  }

  private gapsCard(data: SuggestionsData): HTMLElement {
    const t = this.t;
    const lang = this.ctx.lang();
    const card = h('section', { class: 'card gaps', 'aria-labelledby': 'partners-gaps-h', 'data-testid': 'gaps' }, h('h3', { id: 'partners-gaps-h' }, t('partners.gaps')));
    if (!data.asker) {
      card.append(h('p', { class: 'meta' }, t('partners.gaps.needAsker')));
      return card;
    }
    if (!data.similarNetworks.length) {
      card.append(h('p', { class: 'meta' }, t('partners.gaps.noSimilar')));
      return card;
    }
    card.append(h('p', { class: 'meta' }, t('partners.gaps.intro', { networks: data.similarNetworks.map((n) => n.label).join(', ') })));
    const groups = gapGroups(data, lang, t);
    if (!groups.length) {
      card.append(h('p', {}, t('partners.gaps.none')));
      return card;
    }
    for (const g of groups) {
      card.append(
        h('h4', {}, g.title),
        h(
          'ul',
          { class: 'plain gap-list' },
          ...g.items.map((i) =>
            h('li', { 'data-gap': i.id }, h('span', { class: 'gap-label' }, i.label), h('span', { class: 'sub' }, ` — ${i.share}`), h('span', { class: 'sub block' }, i.networks)),
          ),
        ),
      );
    }
    return card;
  }
}
