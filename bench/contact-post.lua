-- wrk script: posts a valid contact form to /contact (the real path: antiforgery, validation, red-flag screen,
-- duplicate check, inquiry + confirmation email in the outbox in one durable transaction, 302 redirect).
-- Needs BENCH_TOKEN (the form's __RequestVerificationToken) and BENCH_COOKIE ("name=value" of the antiforgery
-- cookie it belongs to); an antiforgery pair can be reused for many posts.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local form = require("form-body")

local token = os.getenv("BENCH_TOKEN") or error("BENCH_TOKEN is not set")
local cookie = os.getenv("BENCH_COOKIE") or error("BENCH_COOKIE is not set")

setup = form.setup
init = form.init

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = cookie

request = function()
  return wrk.format(nil, "/contact", nil, form.body({ { "__RequestVerificationToken", token } }))
end
