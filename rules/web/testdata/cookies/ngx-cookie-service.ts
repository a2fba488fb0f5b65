// Rule token-cookie-insecure on ngx-cookie-service's CookieService,
// given to an Angular class by its constructor (dependency injection).
import { Injectable } from '@angular/core';
import { CookieService } from 'ngx-cookie-service';

@Injectable({ providedIn: 'root' })
export class AuthService {
  constructor(private readonly http: HttpClient, private cookies: CookieService) {}

  store(res: { token: string; name: string }) {
    // ruleid: token-cookie-insecure
    this.cookies.set('auth_token', res.token, { secure: true });
    // ok: token-cookie-insecure
    this.cookies.set('display_name', res.name);
  }
}

// A parameter of another type is not the service.
export class Other {
  constructor(private cookieJar: Map<string, string>) {}
  store(token: string) {
    // ok: token-cookie-insecure
    this.cookieJar.set('token', token);
  }
}
