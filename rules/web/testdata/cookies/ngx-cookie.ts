// Rule token-cookie-insecure on ngx-cookie's CookieService.put.
import { Component } from '@angular/core';
import { CookieService } from 'ngx-cookie';

@Component({ selector: 'app-login', templateUrl: './login.component.html' })
export class LoginComponent {
  constructor(@Inject(CookieService) private readonly cookieService: CookieService) {}

  loggedIn(authentication: { token: string }) {
    const expires = new Date();
    // ruleid: token-cookie-insecure
    this.cookieService.put('token', authentication.token, { expires });
    // ok: token-cookie-insecure
    this.cookieService.put('welcomebanner_status', 'dismiss', { expires });
  }
}
