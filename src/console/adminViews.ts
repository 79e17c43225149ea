// Pages for managing accounts (admins; coordinators for their volunteers) and
// for reading the audit log (admins).
import type { Role, User } from '../auth/UserRepository.js';
import type { AuditRecord } from '../handoff/AuditLog.js';
import { html, type SafeHtml } from './html.js';
import { csrfField, flash, renderPage } from './layout.js';
import { formatDateTime, type View } from './view.js';

export interface UsersPageModel {
  users: User[];
  tenants: { key: string; name: string }[];
  roles: readonly Role[];
  error?: string | undefined;
  done?: string | undefined;
  now: Date;
}

function tenantBoxes(view: View, model: Pick<UsersPageModel, 'tenants'>, selected: readonly string[]): SafeHtml {
  return html`<fieldset class="tenants"><legend>${view.t('users.tenants')}</legend>${model.tenants.map(
    (tenant) => html`<label><input type="checkbox" name="tenants" value="${tenant.key}"${selected.includes(tenant.key) ? html` checked` : ''}> ${tenant.name}</label>`,
  )}</fieldset>`;
}

function roleSelect(view: View, roles: readonly Role[], selected: Role): SafeHtml {
  return html`<select name="role">${roles.map((role) => html`<option value="${role}"${role === selected ? html` selected` : ''}>${view.t(`roles.${role}`)}</option>`)}</select>`;
}

export function renderUsersPage(view: View, model: UsersPageModel): string {
  const rows = model.users.map((user) => {
    const locked = user.lockedUntil !== null && user.lockedUntil > model.now;
    const state = user.disabledAt ? view.t('users.disabled') : locked ? view.t('users.locked') : view.t('users.active');
    return html`<tr><td>${user.email}</td><td>${user.displayName ?? ''}</td><td>${view.t(`roles.${user.role}`)}</td><td>${user.role === 'admin' ? view.t('users.allTenants') : user.tenants.join(', ')}</td><td>${state}</td><td><a href="/console/users/${user.id}">${view.t('users.edit')}</a></td></tr>`;
  });
  return renderPage(view, {
    title: view.t('users.title'),
    page: 'users',
    body: html`<h1>${view.t('users.title')}</h1>
${flash(view, 'error', model.error)}${flash(view, 'info', model.done)}
<table><thead><tr><th>${view.t('users.email')}</th><th>${view.t('users.name')}</th><th>${view.t('users.role')}</th><th>${view.t('users.tenants')}</th><th>${view.t('users.state')}</th><th></th></tr></thead>
<tbody>${rows}</tbody></table>
<h2>${view.t('users.add')}</h2>
<form method="post" action="/console/users" class="user-form">${csrfField(view)}
<label>${view.t('users.email')} <input type="email" name="email" required></label>
<label>${view.t('users.name')} <input type="text" name="displayName" maxlength="100"></label>
<label>${view.t('users.password')} <input type="password" name="password" autocomplete="new-password" required minlength="10"></label>
<label>${view.t('users.role')} ${roleSelect(view, model.roles, 'volunteer')}</label>
${tenantBoxes(view, model, [])}
<button type="submit">${view.t('users.create')}</button>
</form>`,
  });
}

export function renderUserPage(view: View, model: UsersPageModel & { target: User; self: boolean }): string {
  const { target } = model;
  return renderPage(view, {
    title: target.email,
    page: 'user',
    body: html`<p><a href="/console/users">← ${view.t('users.title')}</a></p>
<h1>${target.email}</h1>
${flash(view, 'error', model.error)}
<form method="post" action="/console/users/${target.id}" class="user-form">${csrfField(view)}
<label>${view.t('users.name')} <input type="text" name="displayName" maxlength="100" value="${target.displayName ?? ''}"></label>
${model.self ? html`<input type="hidden" name="role" value="${target.role}">` : html`<label>${view.t('users.role')} ${roleSelect(view, model.roles, target.role)}</label>`}
${tenantBoxes(view, model, target.tenants)}
<label>${view.t('users.newPassword')} <input type="password" name="password" autocomplete="new-password" minlength="10"></label>
${model.self ? '' : html`<label><input type="checkbox" name="disabled" value="1"${target.disabledAt ? html` checked` : ''}> ${view.t('users.disable')}</label>`}
<label><input type="checkbox" name="unlock" value="1"> ${view.t('users.unlock')}</label>
<button type="submit">${view.t('users.save')}</button>
</form>`,
  });
}

export function renderAuditPage(view: View, entries: AuditRecord[], nextBefore: number | undefined): string {
  const rows = entries.map(
    (entry) => html`<tr><td>${formatDateTime(view, entry.at)}</td><td>${entry.userEmail ?? view.t('audit.system')}</td><td>${entry.action}</td><td>${entry.threadId === null ? '' : html`<a href="/console/threads/${entry.threadId}">#${entry.threadId}</a>`}</td><td><code>${Object.entries(entry.details).map(([key, value]) => `${key}=${String(value)}`).join(' ')}</code></td></tr>`,
  );
  return renderPage(view, {
    title: view.t('audit.title'),
    page: 'audit',
    body: html`<h1>${view.t('audit.title')}</h1>
<p class="hint">${view.t('audit.hint')}</p>
<table class="audit"><thead><tr><th>${view.t('audit.when')}</th><th>${view.t('audit.who')}</th><th>${view.t('audit.action')}</th><th>${view.t('audit.thread')}</th><th>${view.t('audit.details')}</th></tr></thead>
<tbody>${rows}</tbody></table>
${nextBefore === undefined ? '' : html`<p><a href="/console/audit?before=${nextBefore}">${view.t('audit.older')}</a></p>`}`,
  });
}
