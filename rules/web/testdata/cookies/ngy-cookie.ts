// Rule token-cookie-insecure on ngy-cookie's CookieService.put (ngx-cookie
// under another name), injected with inject().
import { Component, inject } from '@angular/core';
import { CookieService } from 'ngy-cookie';

@Component({ selector: 'app-oauth', templateUrl: './oauth.component.html' })
export class OAuthComponent {
  private readonly cookieService = inject(CookieService);

  login(authentication: { token: string }) {
    const expires = new Date();
    // ruleid: token-cookie-insecure
    this.cookieService.put('token', authentication.token, { expires });
    // Secure, but a cookie script writes can never be HttpOnly.
    // ruleid: token-cookie-insecure
    this.cookieService.put('token', authentication.token, { expires, secure: true });
    // ok: token-cookie-insecure
    this.cookieService.put('language', 'en', { expires });
  }
}
