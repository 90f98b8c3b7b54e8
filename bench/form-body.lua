-- Shared by contact-post.lua and bare-insert.lua: the same contact form body, with a fresh submission key per
-- request so that every request is a new inquiry (a repeated key would find the first inquiry instead).
-- wrk gives each thread its own Lua state; setup() numbers the threads so their keys can never collide.

local form = {}

local thread_count = 0

function form.setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
end

local counter = 0

function form.init()
  math.randomseed(os.time() + (thread_id or 0) * 7919)
end

-- A version-4-shaped GUID whose last group holds the thread number and a counter: unique within the run.
function form.submission_key()
  counter = counter + 1
  return string.format("%08x-%04x-4%03x-a%03x-%04x%08x",
    math.random(0, 0x7fffffff), math.random(0, 0xffff), math.random(0, 0xfff), math.random(0, 0xfff),
    thread_id or 0, counter)
end

local function escape(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function form.body(extra)
  local fields = {
    { "Form.Name", "Maria Lopez" },
    { "Form.Phone", "+12125550143" },
    { "Form.Email", "maria.lopez@example.com" },
    { "Form.PreferredContactMethod", "Phone" },
    { "Form.PreferredContactTime", "Morning" },
    { "Form.Language", "en" },
    { "Form.Message", "Low back pain for two years, worse when sitting at my desk. I tried physical therapy and it helped for a while." },
    { "Form.ConsentToContact", "true" },
    { "Form.SubmissionKey", form.submission_key() },
  }
  for _, f in ipairs(extra or {}) do fields[#fields + 1] = f end
  local parts = {}
  for _, f in ipairs(fields) do parts[#parts + 1] = escape(f[1]) .. "=" .. escape(f[2]) end
  return table.concat(parts, "&")
end

return form
