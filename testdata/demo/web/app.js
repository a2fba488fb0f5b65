// The demo's front end: signs in and keeps the session token.
const TOKEN_KEY = 'auth_token';

async function signIn(user) {
  const res = await fetch('/api/login', { method: 'POST', body: JSON.stringify({ user }) });
  const { token } = await res.json();
  localStorage.setItem(TOKEN_KEY, token);
  return token;
}

document.getElementById('login').addEventListener('submit', (e) => {
  e.preventDefault();
  signIn(new FormData(e.target).get('user'));
});
