/**
 * The account controls in the header: first-run administrator, sign-in, the user menu (tokens for
 * scripts, network members and roles, sign-out), and `body[data-can-edit]`, which hides every
 * control marked `data-edit` from those who may not change the data in view.
 */
import { ACCESS_ROLES, PASSWORD_MIN_LENGTH, roleAtLeast, type AccessRole } from '@verkosto/domain/accounts';
import { ApiError, gql, type Scope } from './api';
import { h } from './dom';
import { formatDate } from './model/i18n';
import type { Lang } from './model/i18n';

export interface AccountContext {
  lang(): Lang;
  t(key: string, params?: Record<string, string | number>): string;
  /** Someone signed in or out: what may be seen has changed. */
  onSignedInOrOut(): void;
}

interface Me {
  id: string;
  email: string;
  name: string | null;
  isAdmin: boolean;
  memberships: { networkId: string; role: AccessRole; network: { name: string } | null }[];
}

interface Token {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

const ME = '{ me { id email name isAdmin memberships { networkId role network { name } } } needsFirstAdmin setupCodeRequired }';
const day = (iso: string) => iso.slice(0, 10);

export function mountAccount(root: HTMLElement, ctx: AccountContext) {
  const { t } = ctx;
  let me: Me | null = null;
  let scopeNetwork: string | null = null;

  const roleIn = (networkId: string) => me?.memberships.find((m) => m.networkId === networkId)?.role ?? null;

  /** Edit controls show for administrators, and for editors of the network in view (of some network elsewhere). */
  function canEdit(): boolean {
    if (!me) return false;
    if (me.isAdmin) return true;
    if (scopeNetwork) return roleAtLeast(roleIn(scopeNetwork), 'EDITOR');
    return me.memberships.some((m) => roleAtLeast(m.role, 'EDITOR'));
  }

  function applyRights() {
    document.body.dataset.canEdit = String(canEdit());
    document.body.dataset.signedIn = String(!!me);
  }

  async function refresh(): Promise<void> {
    try {
      const data = await gql<{ me: Me | null; needsFirstAdmin: boolean; setupCodeRequired: boolean }>(ME);
      me = data.me;
      render();
      applyRights();
      if (data.needsFirstAdmin) openFirstAdmin(data.setupCodeRequired);
    } catch {
      // The map still works for public networks; the button offers to sign in again.
      me = null;
      render();
      applyRights();
    }
  }

  function changed() {
    void refresh().then(() => ctx.onSignedInOrOut());
  }

  /** What the controls were last drawn for: the shell calls render() often, and an open menu should stay open. */
  let drawn = '';

  function render() {
    const key = `${ctx.lang()}:${me ? `${me.id}:${me.name}:${me.isAdmin}:${me.memberships.map((m) => m.role).join()}` : ''}`;
    if (key === drawn) return;
    drawn = key;
    root.setAttribute('aria-label', t('account.label'));
    if (!me) {
      const button = h('button', { type: 'button', 'data-testid': 'sign-in' }, t('account.signIn'));
      button.addEventListener('click', openLogin);
      root.replaceChildren(button);
      return;
    }
    const user = me;
    const coordinates = user.isAdmin || user.memberships.some((m) => m.role === 'COORDINATOR');
    const item = (label: string, action: () => void, testid: string) => {
      const b = h('button', { type: 'button', 'data-testid': testid }, label);
      b.addEventListener('click', () => {
        menu.open = false;
        action();
      });
      return b;
    };
    const menu = h(
      'details',
      { class: 'menu account-menu', 'data-testid': 'user-menu' },
      h('summary', {}, user.name ?? user.email, user.isAdmin ? h('span', { class: 'sub' }, ` · ${t('account.admin')}`) : null),
      h(
        'div',
        { class: 'menu-items' },
        h('p', { class: 'sub' }, user.email),
        item(t('account.tokens'), openTokens, 'open-tokens'),
        coordinates ? item(t('account.members'), openMembers, 'open-members') : null,
        item(t('account.signOut'), () => void signOut(), 'sign-out'),
      ),
    );
    root.replaceChildren(menu);
  }

  async function signOut() {
    await gql('mutation { logout }').catch(() => undefined);
    changed();
  }

  // ── dialogs ───────────────────────────────────────────────────────────────────────────────

  function dialog(title: string, testid: string, ...content: (Node | null)[]): HTMLDialogElement {
    const id = `dialog-${testid}`;
    const close = h('button', { type: 'button', class: 'close' }, t('account.close'));
    const box = h('dialog', { class: 'dialog', 'aria-labelledby': id, 'data-testid': testid }, close, h('h2', { id }, title), ...content);
    close.addEventListener('click', () => box.close());
    box.addEventListener('close', () => box.remove());
    document.body.append(box);
    box.showModal();
    return box;
  }

  const field = (label: string, input: HTMLInputElement | HTMLSelectElement, hint?: string) =>
    h('label', { class: 'form-field' }, h('span', {}, label), input, hint ? h('span', { class: 'sub' }, hint) : null);

  const status = () => h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });

  /** Runs a form's action, showing the server's refusal in words and keeping the form open. */
  function onSubmit(form: HTMLFormElement, out: HTMLElement, action: () => Promise<void>) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const submit = form.querySelector<HTMLButtonElement>('button[type=submit]');
      if (submit) submit.disabled = true;
      out.className = 'form-status';
      out.textContent = t('account.loading');
      action()
        .catch((e: unknown) => {
          out.className = 'form-status error-text';
          out.textContent = t('account.error', { message: e instanceof ApiError || e instanceof Error ? e.message : String(e) });
        })
        .finally(() => {
          if (submit) submit.disabled = false;
        });
    });
  }

  function openLogin() {
    const email = h('input', { type: 'email', name: 'email', required: true, autocomplete: 'username' });
    const password = h('input', { type: 'password', name: 'password', required: true, autocomplete: 'current-password' });
    const out = status();
    const form = h(
      'form',
      {},
      h('p', { class: 'sub' }, t('account.loginHint')),
      field(t('account.email'), email),
      field(t('account.password'), password),
      out,
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('account.signIn'))),
    );
    const box = dialog(t('account.loginTitle'), 'login', form);
    onSubmit(form, out, async () => {
      await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { csrfToken } }', { e: email.value, p: password.value }).catch((e: unknown) => {
        // The two answers everyone meets, in the page's language; others as the server words them.
        if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') throw new Error(t('account.wrongPassword'));
        if (e instanceof ApiError && e.code === 'TOO_MANY_REQUESTS') throw new Error(t('account.throttled', { seconds: Number(e.extensions.retryAfterSeconds) || 1 }));
        throw e;
      });
      box.close();
      changed();
    });
    email.focus();
  }

  /** From another machine the server asks for the set-up code it printed in its log at start. */
  function openFirstAdmin(needsCode: boolean) {
    if (document.querySelector('[data-testid=first-admin]')) return;
    const code = needsCode ? h('input', { type: 'text', name: 'setupCode', required: true, autocomplete: 'off', spellcheck: 'false' }) : null;
    const email = h('input', { type: 'email', name: 'email', required: true, autocomplete: 'username' });
    const name = h('input', { type: 'text', name: 'name', autocomplete: 'name' });
    const rule = t('account.passwordRule', { n: PASSWORD_MIN_LENGTH });
    const password = h('input', { type: 'password', name: 'password', required: true, minlength: String(PASSWORD_MIN_LENGTH), autocomplete: 'new-password' });
    const again = h('input', { type: 'password', name: 'again', required: true, autocomplete: 'new-password' });
    const out = status();
    const later = h('button', { type: 'button' }, t('account.later'));
    const form = h(
      'form',
      {},
      h('p', {}, t('account.firstHint')),
      code ? field(t('account.setupCode'), code, t('account.setupCodeHint')) : null,
      field(t('account.email'), email),
      field(t('account.name'), name),
      field(t('account.password'), password, rule),
      field(t('account.passwordAgain'), again),
      out,
      h('div', { class: 'actions' }, later, h('button', { type: 'submit', class: 'primary' }, t('account.firstCreate'))),
    );
    const box = dialog(t('account.firstTitle'), 'first-admin', form);
    later.addEventListener('click', () => box.close());
    onSubmit(form, out, async () => {
      if (password.value !== again.value) throw new Error(t('account.mismatch'));
      await gql('mutation($e: String!, $p: String!, $n: String, $c: String) { createFirstAdmin(email: $e, password: $p, name: $n, setupCode: $c) { csrfToken } }', {
        e: email.value,
        p: password.value,
        n: name.value || null,
        c: code?.value || null,
      }).catch((e: unknown) => {
        if (e instanceof ApiError && e.code === 'SETUP_CODE_REQUIRED') throw new Error(t('account.setupCodeWrong'));
        throw e;
      });
      box.close();
      changed();
    });
    (code ?? email).focus();
  }

  function openTokens() {
    const list = h('ul', { class: 'plain-list', 'data-testid': 'token-list' });
    const created = h('div', { 'aria-live': 'polite' });
    const name = h('input', { type: 'text', name: 'name', required: true, maxlength: '100' });
    const days = h('input', { type: 'number', name: 'days', min: '1', max: '3650', inputmode: 'numeric' });
    const out = status();
    const form = h(
      'form',
      { class: 'inline-form' },
      field(t('account.tokenName'), name),
      field(t('account.tokenDays'), days),
      h('button', { type: 'submit', class: 'primary' }, t('account.tokenCreate')),
    );
    dialog(t('account.tokens'), 'tokens', h('p', { class: 'sub' }, t('account.tokensHint')), list, created, form, out);

    const load = async () => {
      const { myTokens } = await gql<{ myTokens: Token[] }>('{ myTokens { id name createdAt expiresAt lastUsedAt } }');
      const date = (iso: string) => formatDate(ctx.lang(), day(iso));
      list.replaceChildren(
        ...(myTokens.length ? [] : [h('li', { class: 'sub' }, t('account.tokenNone'))]),
        ...myTokens.map((token) => {
          const revoke = h('button', { type: 'button', 'aria-label': t('account.tokenRevoke', { name: token.name }) }, '✕');
          revoke.addEventListener('click', () => {
            void gql('mutation($id: ID!) { revokeToken(id: $id) }', { id: token.id }).then(load);
          });
          const when = [
            token.expiresAt ? t('account.tokenExpires', { date: date(token.expiresAt) }) : t('account.tokenForever'),
            token.lastUsedAt ? t('account.tokenUsed', { date: date(token.lastUsedAt) }) : t('account.tokenUnused'),
          ].join(' · ');
          return h('li', {}, h('span', {}, h('strong', {}, token.name), h('span', { class: 'sub' }, when)), revoke);
        }),
      );
    };
    onSubmit(form, out, async () => {
      const { createToken } = await gql<{ createToken: { token: string } }>('mutation($n: String!, $d: Int) { createToken(name: $n, expiresInDays: $d) { token } }', {
        n: name.value,
        d: days.value ? Number(days.value) : null,
      });
      created.replaceChildren(h('p', {}, t('account.tokenCreated')), h('code', { class: 'secret', 'data-testid': 'new-token' }, createToken.token));
      form.reset();
      out.textContent = '';
      await load();
    });
    void load();
  }

  function openMembers() {
    if (!me) return;
    const user = me;
    const select = h('select', { name: 'network' });
    const list = h('ul', { class: 'plain-list', 'data-testid': 'member-list' });
    const email = h('input', { type: 'email', name: 'email', required: true });
    const role = roleSelect('VIEWER');
    const out = status();
    const add = h(
      'form',
      { class: 'inline-form' },
      field(t('account.email'), email, t('account.memberAddHint')),
      field(t('account.memberRole'), role),
      h('button', { type: 'submit', class: 'primary' }, t('account.memberAdd')),
    );
    const content: (Node | null)[] = [field(t('account.membersNetwork'), select), list, add, out];
    if (user.isAdmin) content.push(newUserForm());
    dialog(t('account.members'), 'members', ...content);

    const load = async () => {
      if (!select.value) return;
      const { networkMembers } = await gql<{ networkMembers: { role: AccessRole; user: { id: string; email: string; name: string | null } }[] }>(
        'query($n: ID!) { networkMembers(networkId: $n) { role user { id email name } } }',
        { n: select.value },
      );
      list.replaceChildren(
        ...(networkMembers.length ? [] : [h('li', { class: 'sub' }, t('account.membersNone'))]),
        ...networkMembers.map((m) => {
          const change = roleSelect(m.role);
          change.setAttribute('aria-label', `${t('account.memberRole')}: ${m.user.email}`);
          change.addEventListener('change', () => {
            void save(m.user.email, change.value as AccessRole);
          });
          const remove = h('button', { type: 'button', 'aria-label': t('account.memberRemove', { email: m.user.email }) }, '✕');
          remove.addEventListener('click', () => {
            void gql('mutation($n: ID!, $u: ID!) { removeMembership(networkId: $n, userId: $u) }', { n: select.value, u: m.user.id }).then(load);
          });
          return h('li', {}, h('span', {}, m.user.name ?? m.user.email, m.user.name ? h('span', { class: 'sub' }, m.user.email) : null), change, remove);
        }),
      );
    };
    const save = async (who: string, newRole: AccessRole) => {
      await gql('mutation($n: ID!, $e: String!, $r: AccessRole!) { setMembership(networkId: $n, email: $e, role: $r) { role } }', { n: select.value, e: who, r: newRole });
      out.className = 'form-status';
      out.textContent = t('account.saved');
      await load();
    };
    onSubmit(add, out, async () => {
      await save(email.value, role.value as AccessRole);
      add.reset();
    });
    select.addEventListener('change', () => void load());

    void (async () => {
      const networks = user.isAdmin
        ? (await gql<{ networks: { nodes: { id: string; name: string }[] } }>('{ networks(first: 200) { nodes { id name } } }')).networks.nodes
        : user.memberships.filter((m) => m.role === 'COORDINATOR').map((m) => ({ id: m.networkId, name: m.network?.name ?? m.networkId }));
      select.replaceChildren(...networks.map((n) => h('option', { value: n.id, selected: n.id === scopeNetwork }, n.name)));
      await load();
    })();
  }

  function newUserForm(): HTMLElement {
    const email = h('input', { type: 'email', name: 'email', required: true, autocomplete: 'off' });
    const name = h('input', { type: 'text', name: 'name' });
    const password = h('input', { type: 'password', name: 'password', required: true, minlength: String(PASSWORD_MIN_LENGTH), autocomplete: 'new-password' });
    const admin = h('input', { type: 'checkbox', name: 'admin' });
    const out = status();
    const form = h(
      'form',
      { class: 'inline-form', 'data-testid': 'new-user' },
      h('h3', {}, t('account.newUser')),
      field(t('account.email'), email),
      field(t('account.name'), name),
      field(t('account.password'), password, t('account.passwordRule', { n: PASSWORD_MIN_LENGTH })),
      h('label', { class: 'check' }, admin, ' ', t('account.newUserAdmin')),
      h('button', { type: 'submit', class: 'primary' }, t('account.newUserCreate')),
      out,
    );
    onSubmit(form, out, async () => {
      await gql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
        i: { email: email.value, name: name.value || null, password: password.value, isAdmin: admin.checked },
      });
      out.textContent = t('account.newUserDone', { email: email.value });
      form.reset();
    });
    return form;
  }

  function roleSelect(current: AccessRole): HTMLSelectElement {
    return h('select', { name: 'role' }, ...ACCESS_ROLES.map((r) => h('option', { value: r, selected: r === current }, t(`account.role.${r}`))));
  }

  applyRights();
  void refresh();

  return {
    /** Re-renders in the current language. */
    render,
    /** The network in view decides whether its edit controls show. */
    setScope(scope: Scope | null) {
      scopeNetwork = scope?.type === 'network' ? scope.id : null;
      applyRights();
    },
  };
}
