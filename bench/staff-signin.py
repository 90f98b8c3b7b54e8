#!/usr/bin/env python3
"""Signs a staff account in through SpineDesk's real pages (password, then the TOTP code, RFC 6238 computed
here with the standard library) and prints the resulting Cookie header for wrk.

    BENCH_PASSWORD=... BENCH_TOTP_KEY=BASE32 bench/staff-signin.py http://127.0.0.1:PORT staff@example.test
"""
import base64, hashlib, hmac, html, http.cookiejar, os, re, struct, sys, time, urllib.parse, urllib.request


def totp(key_base32, at=None, step=30, digits=6):
    key = base64.b32decode(key_base32.upper() + "=" * (-len(key_base32) % 8))
    counter = int((time.time() if at is None else at) // step)
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    code = (struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % (10 ** digits)
    return str(code).zfill(digits)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def main():
    base, email = sys.argv[1], sys.argv[2]
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)

    def get(path):
        with opener.open(base + path, timeout=30) as r:
            return r.read().decode()

    def post(path, fields):
        page = get(path)
        token = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]*)"', page)
        data = dict(fields, __RequestVerificationToken=html.unescape(token.group(1)))
        request = urllib.request.Request(base + path, data=urllib.parse.urlencode(data).encode(), method="POST")
        try:
            opener.open(request, timeout=30)
        except urllib.error.HTTPError as e:
            if e.code == 302:
                return e.headers["Location"]
            raise
        sys.exit(f"staff-signin.py: POST {path} did not redirect")

    code_page = post("/staff/sign-in", {"Email": email, "Password": os.environ["BENCH_PASSWORD"]})
    if "/staff/sign-in/code" not in code_page:
        sys.exit(f"staff-signin.py: the password step went to {code_page}, not the code page")
    code_path = urllib.parse.urlsplit(code_page)
    code_path = code_path.path + ("?" + code_path.query if code_path.query else "")
    post(code_path, {"Code": totp(os.environ["BENCH_TOTP_KEY"])})
    print("; ".join(f"{c.name}={c.value}" for c in jar))


main()
