-- wrk script: posts the same form body to /bench/bare-insert (mapped only with Benchmark:Enabled=true), which
-- stores one inquiry row of the same size and nothing else. The antiforgery token and cookie are sent too,
-- unused, so the two requests are the same size on the wire.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local form = require("form-body")

local token = os.getenv("BENCH_TOKEN") or "unused"
local cookie = os.getenv("BENCH_COOKIE")

setup = form.setup
init = form.init

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
if cookie then wrk.headers["Cookie"] = cookie end

request = function()
  return wrk.format(nil, "/bench/bare-insert", nil, form.body({ { "__RequestVerificationToken", token } }))
end
