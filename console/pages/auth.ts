// Sign-in and sign-up forms of the console (operators) and the portal (followers). The form re-renders
// itself as an htmx fragment with the error; the password is never echoed back.
import { html, type SafeHtml } from '../server/html';
import { csrfField, field, notice } from './widgets';

export interface AuthFormInput {
  realm: 'console' | 'portal';
  csrf: string;
  email?: string;
  name?: string;
  error?: string;
}

export function signInForm(input: AuthFormInput): SafeHtml {
  const action = `/${input.realm}/login`;
  return html`<form id="auth-form" class="stack" method="post" action="${action}" hx-post="${action}" hx-target="this" hx-swap="outerHTML">
  ${csrfField(input.csrf)}
  ${input.error === undefined ? '' : notice('error', input.error)}
  ${field({ name: 'email', label: 'Email', type: 'email', value: input.email, required: true, autocomplete: 'username', attrs: html`autofocus` })}
  ${field({ name: 'password', label: 'Password', type: 'password', required: true, autocomplete: 'current-password' })}
  <div class="actions"><button type="submit" class="primary">Sign in</button>
  ${input.realm === 'portal' ? html`<a href="/portal/signup">Create an account</a>` : ''}</div>
</form>`;
}

export function signUpForm(input: AuthFormInput): SafeHtml {
  return html`<form id="auth-form" class="stack" method="post" action="/portal/signup" hx-post="/portal/signup" hx-target="this" hx-swap="outerHTML">
  ${csrfField(input.csrf)}
  ${input.error === undefined ? '' : notice('error', input.error)}
  ${field({ name: 'name', label: 'Name', value: input.name, required: true, autocomplete: 'name', attrs: html`autofocus maxlength="100"` })}
  ${field({ name: 'email', label: 'Email', type: 'email', value: input.email, required: true, autocomplete: 'username' })}
  ${field({ name: 'password', label: 'Password', type: 'password', required: true, autocomplete: 'new-password', hint: 'At least 10 characters.', attrs: html`minlength="10"` })}
  <div class="actions"><button type="submit" class="primary">Create account</button><a href="/portal/login">I have an account</a></div>
</form>`;
}

export const authMain = (form: SafeHtml, intro: string) => html`<section class="card"><p class="muted">${intro}</p>${form}</section>`;
