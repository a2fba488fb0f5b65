// Rule token-cookie-insecure on ngx-cookie-service's CookieService,
// given to an Angular class by its constructor (dependency injection).
import { Injectable, inject } from '@angular/core';
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

// Angular 14's inject() in a field initialiser gives the same service.
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly cookieService = inject(CookieService);
  private readonly other = inject(Router);

  keep(refreshToken: string) {
    // ruleid: token-cookie-insecure
    this.cookieService.set('refresh_token', refreshToken);
    // ok: token-cookie-insecure
    this.other.set('refresh_token', refreshToken);
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
